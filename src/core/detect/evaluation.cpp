// Corpus loading and scoring of findings against ground truth (coverage by phi findings, false alarms, timing).
#include "medpics/detect/evaluation.hpp"

#include <nlohmann/json.hpp>
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace medpics::detect {

std::vector<TruthImage> loadCorpus(const std::string& directory) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(directory))
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  std::vector<TruthImage> out;
  for (const auto& path : files) {
    std::ifstream in(path);
    nlohmann::json j = nlohmann::json::parse(in);
    if (!j.contains("elements")) continue;
    TruthImage t;
    t.imagePath = (path.parent_path() / j.at("image").get<std::string>()).string();
    t.kind = j.value("kind", "");
    t.width = j.value("width", 0);
    t.height = j.value("height", 0);
    for (const auto& e : j.at("elements")) {
      const auto& b = e.at("box");
      t.elements.push_back({e.at("kind").get<std::string>(),
                            e.at("category").get<std::string>(),
                            e.at("phi").get<bool>(),
                            Box{b.at(0).get<int>(), b.at(1).get<int>(), b.at(2).get<int>(), b.at(3).get<int>()},
                            e.value("text", ""),
                            e.value("glyph_px", 0),
                            e.value("symbology", ""),
                            {}});
      if (e.contains("outline"))
        for (const auto& p : e.at("outline"))
          t.elements.back().outline.push_back({p.at(0).get<int>(), p.at(1).get<int>()});
    }
    out.push_back(std::move(t));
  }
  return out;
}

double requiredCoverage(const std::string& kind) {
  if (kind == "face") return 0.8;
  if (kind == "tattoo") return 0.5;
  return 0.9;
}

double coverage(const Box& element, const std::vector<Finding>& findings, bool outlines,
                const std::vector<std::array<int, 2>>& truthOutline) {
  if (element.area() <= 0) return 1.0;
  cv::Mat mask = cv::Mat::zeros(element.h, element.w, CV_8U);
  const cv::Rect e(element.x, element.y, element.w, element.h);
  cv::Mat shape(element.h, element.w, CV_8U, cv::Scalar(255));
  if (truthOutline.size() >= 3) {
    std::vector<cv::Point> pts;
    for (const auto& p : truthOutline) pts.emplace_back(p[0] - e.x, p[1] - e.y);
    shape.setTo(0);
    cv::fillPoly(shape, std::vector<std::vector<cv::Point>>{pts}, cv::Scalar(255));
    if (cv::countNonZero(shape) == 0) shape.setTo(255);
  }
  for (const auto& f : findings) {
    if (!f.phi || !f.box) continue;
    const cv::Rect r = cv::Rect(f.box->x, f.box->y, f.box->w, f.box->h) & e;
    if (r.area() <= 0) continue;
    if (outlines && f.polygon.size() >= 3) {
      std::vector<cv::Point> pts;
      for (const auto& p : f.polygon) pts.emplace_back(p[0] - e.x, p[1] - e.y);
      cv::fillPoly(mask, std::vector<std::vector<cv::Point>>{pts}, cv::Scalar(255));
    } else {
      mask(r - e.tl()).setTo(255);
    }
  }
  return cv::countNonZero(mask & shape) / double(cv::countNonZero(shape));
}

ImageScore scoreImage(const TruthImage& truth, const std::vector<Finding>& findings) {
  ImageScore s;
  for (const auto& e : truth.elements) {
    if (!e.phi) continue;
    const std::string key = e.kind == "text" ? "text:" + e.category : e.kind;
    auto& [found, total] = s.found[key];
    ++total;
    const double c = coverage(e.box, findings, true, e.outline);  // what the published image hides of it
    const bool hit = c >= requiredCoverage(e.kind);
    s.foundOnBoxes += coverage(e.box, findings) >= requiredCoverage(e.kind) ? 1 : 0;
    if (hit)
      ++found;
    else
      s.missed.push_back(key + (e.glyphPx ? " " + std::to_string(e.glyphPx) + "px" : std::string()) +
                         (e.symbology.empty() ? std::string() : " " + e.symbology) + " '" + e.text + "' covered " +
                         std::to_string(int(c * 100)) + "%");
    if (e.kind == "text" && e.glyphPx > 0 && e.glyphPx <= kSmallTextPx) {
      s.smallText.first += hit ? 1 : 0;
      ++s.smallText.second;
    }
    if (e.kind == "barcode") {
      auto& [sf, st] = s.symbologies[e.symbology.empty() ? "unknown" : e.symbology];
      sf += hit ? 1 : 0;
      ++st;
    }
  }
  for (const auto& e : truth.elements) {
    if (e.phi || e.kind != "text" || e.box.area() <= 0) continue;
    const double c = coverage(e.box, findings, true, e.outline);  // what the published image hides of it
    s.benignTextArea += e.box.area();
    s.benignTextMasked += c * e.box.area();
    s.benignTextUnderBoxes += coverage(e.box, findings) * e.box.area();
    if (c <= 0.1) continue;
    // the phi finding that covers most of it, to say why it is masked
    const cv::Rect eb(e.box.x, e.box.y, e.box.w, e.box.h);
    const Finding* by = nullptr;
    int best = 0;
    for (const auto& f : findings) {
      if (!f.phi || !f.box) continue;
      const int a = (cv::Rect(f.box->x, f.box->y, f.box->w, f.box->h) & eb).area();
      if (a > best) {
        best = a;
        by = &f;
      }
    }
    s.benignMasked.push_back(std::to_string(int(c * 100)) + "% " + std::to_string(e.box.area()) + " px '" + e.text +
                             "' <- " + (by ? by->category + " '" + by->text + "' " + by->detector : std::string("?")));
  }
  for (const auto& f : findings) {
    if (!f.phi || !f.box) continue;
    const cv::Rect r(f.box->x, f.box->y, f.box->w, f.box->h);
    const bool touches = std::any_of(truth.elements.begin(), truth.elements.end(), [&](const TruthElement& e) {
      return (r & cv::Rect(e.box.x, e.box.y, e.box.w, e.box.h)).area() > 0;
    });
    if (touches) continue;
    ++s.falseAlarms;
    ++s.alarmsByDetector[f.detector.empty() ? std::string(kindName(f.kind)) : f.detector];
    s.alarms.push_back(std::string(kindName(f.kind)) + "/" + f.category + " [" + std::to_string(r.x) + "," +
                       std::to_string(r.y) + "," + std::to_string(r.width) + "," + std::to_string(r.height) + "] " +
                       f.detector + " " + std::to_string(int(f.confidence * 100)) + "% '" + f.text + "'");
  }
  return s;
}

void Summary::add(const ImageScore& score, double elapsedMs, double mp) {
  for (const auto& [key, v] : score.found) {
    found[key].first += v.first;
    found[key].second += v.second;
  }
  ++images;
  foundOnBoxes += score.foundOnBoxes;
  falseAlarms += score.falseAlarms;
  smallText.first += score.smallText.first;
  smallText.second += score.smallText.second;
  for (const auto& [key, v] : score.symbologies) {
    symbologies[key].first += v.first;
    symbologies[key].second += v.second;
  }
  for (const auto& [key, n] : score.alarmsByDetector) alarmsByDetector[key] += n;
  benignTextArea += score.benignTextArea;
  benignTextMasked += score.benignTextMasked;
  benignTextUnderBoxes += score.benignTextUnderBoxes;
  ms.push_back(elapsedMs);
  megapixels.push_back(mp);
}

void Summary::addKind(const std::string& truthKind, const std::string& foundKind, const ImageScore& score) {
  ++kinds[truthKind][foundKind.empty() ? "?" : foundKind];
  auto& [masked, area] = benignByKind[truthKind];
  masked += score.benignTextMasked;
  area += score.benignTextArea;
}

double Summary::recall(const std::string& prefix) const {
  int f = 0, t = 0;
  for (const auto& [key, v] : found)
    if (key.rfind(prefix, 0) == 0) {
      f += v.first;
      t += v.second;
    }
  return t ? double(f) / t : 1.0;
}

double Summary::percentile(double p) const {
  if (ms.empty()) return 0;
  std::vector<double> v = ms;
  std::sort(v.begin(), v.end());
  const std::size_t i = std::min(v.size() - 1, std::size_t(p * double(v.size() - 1) + 0.5));
  return v[i];
}

double Summary::msPerMegapixel() const {
  std::vector<double> v;
  for (std::size_t i = 0; i < ms.size(); ++i)
    if (megapixels[i] > 0) v.push_back(ms[i] / megapixels[i]);
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

double Summary::smallTextRecall() const { return smallText.second ? double(smallText.first) / smallText.second : 1.0; }

double Summary::benignMaskedFraction() const { return benignTextArea > 0 ? benignTextMasked / benignTextArea : 0.0; }

std::string Summary::report(const std::string& title) const {
  std::string out = title + " (" + std::to_string(images) + " images)\n";
  char line[256];
  for (const auto& [key, v] : found) {
    std::snprintf(line, sizeof line, "  recall %-18s %4d / %-4d = %.3f\n", key.c_str(), v.first, v.second,
                  v.second ? double(v.first) / v.second : 1.0);
    out += line;
  }
  std::snprintf(line, sizeof line,
                "  recall PHI text %.3f | faces %.3f | codes %.3f | all %.3f\n"
                "  false alarms %d (%.2f per image)\n"
                "  time per image: median %.0f ms, p95 %.0f ms; median %.0f ms per MP\n",
                recall("text:"), recall("face"), recall("barcode"), recall(""), falseAlarms,
                images ? double(falseAlarms) / images : 0.0, percentile(0.5), percentile(0.95), msPerMegapixel());
  out += line;
  int phiTotal = 0;
  for (const auto& [key, v] : found) phiTotal += v.second;
  std::snprintf(line, sizeof line, "  recall all on upright boxes %.3f (measure before session 11)\n",
                phiTotal ? double(foundOnBoxes) / phiTotal : 1.0);
  out += line;
  std::snprintf(line, sizeof line, "  recall text <= %d px %4d / %-4d = %.3f\n", kSmallTextPx, smallText.first,
                smallText.second, smallTextRecall());
  out += line;
  for (const auto& [key, v] : symbologies) {
    std::snprintf(line, sizeof line, "  recall code %-12s %4d / %-4d = %.3f\n", key.c_str(), v.first, v.second,
                  v.second ? double(v.first) / v.second : 1.0);
    out += line;
  }
  for (const auto& [key, n] : alarmsByDetector) {
    std::snprintf(line, sizeof line, "  false alarms %-28s %4d (%.2f per image)\n", key.c_str(), n,
                  images ? double(n) / images : 0.0);
    out += line;
  }
  std::snprintf(line, sizeof line, "  benign text area masked %.3f (%.0f of %.0f px)\n", benignMaskedFraction(),
                benignTextMasked, benignTextArea);
  out += line;
  std::snprintf(line, sizeof line, "  benign text area under upright boxes %.3f (measure before session 9)\n",
                benignTextArea > 0 ? benignTextUnderBoxes / benignTextArea : 0.0);
  out += line;
  for (const auto& [kind, v] : benignByKind) {
    std::snprintf(line, sizeof line, "  benign text area masked on %-16s %.3f (%.3f of all benign text)\n",
                  kind.c_str(), v.second > 0 ? v.first / v.second : 0.0,
                  benignTextArea > 0 ? v.first / benignTextArea : 0.0);
    out += line;
  }
  for (const auto& [kind, found] : kinds) {
    std::string row = "  image kind " + kind + " ->";
    for (const auto& [k, n] : found) row += " " + k + " " + std::to_string(n);
    out += row + "\n";
  }
  return out;
}

}  // namespace medpics::detect
