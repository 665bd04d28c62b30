// Corpus writer over the synth module: resizes to a target megapixel count, rotates slightly, JPEG-encodes.
#include "medpics/demo/corpus.hpp"

#include "medpics/demo/generator.hpp"

#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>

namespace medpics::detect {
namespace {

constexpr synth::ImageKind kPostKinds[] = {
    synth::ImageKind::RadiographDark, synth::ImageKind::LabReport, synth::ImageKind::SkinFace,
    synth::ImageKind::Wristband,      synth::ImageKind::Ecg,       synth::ImageKind::RadiographLight,
    synth::ImageKind::SkinTattoo,     synth::ImageKind::Ultrasound};

double aspectOf(synth::ImageKind kind) {  // width / height, as the generators draw them
  switch (kind) {
    case synth::ImageKind::RadiographDark:
    case synth::ImageKind::RadiographLight: return 4.0 / 5.0;
    case synth::ImageKind::LabReport: return 3.0 / 4.0;
    case synth::ImageKind::Ecg: return 297.0 / 210.0;
    case synth::ImageKind::Ultrasound: return 4.0 / 3.0;
    default: return 4.0 / 3.0;
  }
}

// Rotates the image about its centre (same canvas, replicated border) and maps boxes to their rotated bounds.
void rotate(synth::SynthImage& img, double degrees) {
  const cv::Point2f centre(img.pixels.cols / 2.f, img.pixels.rows / 2.f);
  const cv::Mat m = cv::getRotationMatrix2D(centre, degrees, 1.0);
  cv::Mat out;
  cv::warpAffine(img.pixels, out, m, img.pixels.size(), cv::INTER_LINEAR, cv::BORDER_REPLICATE);
  img.pixels = out;
  const cv::Rect bounds(0, 0, out.cols, out.rows);
  for (auto& e : img.truth) {
    synth::transformElement(e, m, bounds);
    const cv::Rect whole = cv::boundingRect(synth::cornersOf(e));
    if (e.box.area() < 0.6 * whole.area()) e.box = cv::Rect();  // rotated out of the frame: no longer shown whole
  }
  std::erase_if(img.truth, [](const synth::Element& e) { return e.box.empty(); });
}

}  // namespace

std::vector<CorpusDraw> corpusDraws(const CorpusOptions& o) {
  synth::Rng rng(o.seed * 7919ull + 17);
  std::vector<CorpusDraw> draws;
  for (int i = 0; i < o.count; ++i) {
    CorpusDraw d;
    const std::size_t kinds = std::size(kPostKinds) - (o.hard ? 0 : 1);  // the easy corpus has no ultrasound
    d.kind = kPostKinds[std::size_t(i) % kinds];
    const double mp = rng.real(o.minMegapixels, o.maxMegapixels);
    const double aspect = aspectOf(d.kind);
    d.width = int(std::sqrt(mp * 1e6 * aspect));
    d.height = int(d.width / aspect);
    // the lab report, ECG, wristband and ultrasound generators rotate their own sheet / band in the hard corpus
    const bool rotatesItself = d.kind == synth::ImageKind::LabReport ||
                               (o.hard && (d.kind == synth::ImageKind::Ecg || d.kind == synth::ImageKind::Wristband ||
                                           d.kind == synth::ImageKind::Ultrasound));
    if (!rotatesItself && rng.chance(o.hard ? 0.8 : 0.5)) {
      const double a = o.hard ? rng.real(0.5, o.maxRotationDeg) * (rng.chance(0.5) ? 1 : -1)
                              : rng.real(-o.maxRotationDeg, o.maxRotationDeg);
      d.rotationDeg = a;
    }
    d.quality = o.hard ? rng.uniform(35, 80) : rng.uniform(70, 95);
    draws.push_back(d);
  }
  return draws;
}

synth::SynthImage corpusImage(const CorpusOptions& o, const CorpusDraw& d, int index) {
  synth::GenerateOptions g;
  g.width = d.width;
  g.height = d.height;
  g.hard = o.hard;
  synth::SynthImage img = synth::generate(d.kind, o.seed * 100003ull + std::uint64_t(index), g);
  if (!img.pixels.empty() && d.rotationDeg != 0.0) rotate(img, d.rotationDeg);
  return img;
}

int writeCorpus(const std::string& directory, const CorpusOptions& o, const std::function<void(int)>& progress) {
  std::filesystem::create_directories(directory);
  const std::vector<CorpusDraw> draws = corpusDraws(o);
  int written = 0;
  for (int i = 0; i < o.count; ++i) {
    const CorpusDraw& d = draws[std::size_t(i)];
    synth::SynthImage img = corpusImage(o, d, i);
    if (img.pixels.empty()) continue;
    char stem[64];
    std::snprintf(stem, sizeof stem, "%04d_%s", i, synth::kindName(d.kind).c_str());
    const std::string imageName = std::string(stem) + ".jpg";
    cv::imwrite((std::filesystem::path(directory) / imageName).string(), img.pixels,
                {cv::IMWRITE_JPEG_QUALITY, d.quality});
    nlohmann::json j;
    j["image"] = imageName;
    j["kind"] = synth::kindName(d.kind);
    j["width"] = img.pixels.cols;
    j["height"] = img.pixels.rows;
    j["jpeg_quality"] = d.quality;
    j["elements"] = nlohmann::json::array();
    for (const auto& e : img.truth) {
      nlohmann::json el{{"kind", e.kind},
                        {"category", e.category},
                        {"phi", e.phi},
                        {"box", {e.box.x, e.box.y, e.box.width, e.box.height}},
                        {"text", e.text}};
      if (e.glyphPx > 0) el["glyph_px"] = e.glyphPx;
      if (!e.symbology.empty()) el["symbology"] = e.symbology;
      for (const auto& p : e.outline) el["outline"].push_back({std::lround(p.x), std::lround(p.y)});
      j["elements"].push_back(el);
    }
    std::ofstream(std::filesystem::path(directory) / (std::string(stem) + ".json")) << j.dump(1) << "\n";
    ++written;
    if (progress) progress(i);
  }
  return written;
}

}  // namespace medpics::detect
