// Detection benchmark: this pipeline vs a Presidio-like baseline (full-image Tesseract word boxes, regex and
// trigger-word classification, Haar frontal faces) on the same synthetic corpus: recall, false alarms, time.
// Usage: bench_detection [CORPUS_DIR] [--count N] [--seed S] [--baseline-limit K] [--ablate LIST]
//   (the corpus is generated into CORPUS_DIR when it holds no ground truth). --ablate also runs, on every image of
//   the same run, the pipeline without some speed-ups of issue 14 point 6: LIST is "all" or a comma list of queue,
//   faces, copy, strips (without that one) and before (without any).
#include "medpics/detect/classify.hpp"
#include "medpics/demo/corpus.hpp"
#include "medpics/detect/evaluation.hpp"
#include "medpics/detect/ocr.hpp"
#include "medpics/detect/pipeline.hpp"
#include "medpics/util/file.hpp"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/objdetect.hpp>
#include <tesseract/baseapi.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>

using namespace medpics::detect;

namespace {

using Clock = std::chrono::steady_clock;

// Rules a Presidio-style analyser has: pattern recognisers and context (trigger) words; no name lexicon,
// no capitalisation heuristics, no institution names.
bool presidioLikeRule(const std::string& rule) {
  static const std::set<std::string> kept = {
      "email",        "phone-fr",      "phone-intl",     "phone-us",        "nir-key",       "nir-shape",
      "rpps-luhn",    "adeli-luhn",    "long-number",    "trigger-id",      "date-numeric",  "date-iso",
      "date-compact", "date-text-fr",  "date-text-en",   "date-month-year", "birth-trigger", "trigger-name",
      "street",       "postcode-city", "address-trigger"};
  return kept.count(rule) != 0;
}

struct Baseline {
  tesseract::TessBaseAPI api;
  cv::CascadeClassifier haar;
  Baseline() {
    if (api.Init(nullptr, "fra+eng", tesseract::OEM_LSTM_ONLY) != 0) throw std::runtime_error("tesseract init failed");
    api.SetPageSegMode(tesseract::PSM_AUTO);
    api.SetVariable("debug_file", "/dev/null");
    haar.load("/usr/share/opencv4/haarcascades/haarcascade_frontalface_default.xml");
  }

  std::vector<Finding> analyze(const std::string& bytes) {
    std::vector<Finding> out;
    cv::Mat bgr = cv::imdecode(cv::Mat(1, int(bytes.size()), CV_8U, const_cast<char*>(bytes.data())), cv::IMREAD_COLOR);
    if (bgr.empty()) return out;
    cv::Mat gray;
    cv::cvtColor(bgr, gray, cv::COLOR_BGR2GRAY);
    // 1. full-image OCR, word boxes grouped in lines
    api.SetImage(gray.data, gray.cols, gray.rows, 1, int(gray.step));
    api.Recognize(nullptr);
    struct Word {
      std::string text;
      cv::Rect box;
      std::size_t begin, end;
    };
    std::vector<std::vector<Word>> lines;
    std::unique_ptr<tesseract::ResultIterator> it(api.GetIterator());
    if (it) {
      do {
        if (it->Empty(tesseract::RIL_WORD)) continue;
        if (lines.empty() || it->IsAtBeginningOf(tesseract::RIL_TEXTLINE)) lines.emplace_back();
        std::unique_ptr<char[]> w(it->GetUTF8Text(tesseract::RIL_WORD));
        int x0, y0, x1, y1;
        it->BoundingBox(tesseract::RIL_WORD, &x0, &y0, &x1, &y1);
        lines.back().push_back({w ? w.get() : "", cv::Rect(cv::Point(x0, y0), cv::Point(x1, y1)), 0, 0});
      } while (it->Next(tesseract::RIL_WORD));
    }
    // 2. regex + trigger-word classification per line, hits mapped back to word boxes
    for (auto& line : lines) {
      std::string text;
      for (auto& w : line) {
        if (!text.empty()) text += ' ';
        w.begin = text.size();
        text += w.text;
        w.end = text.size();
      }
      for (const auto& span : findPhiSpans(text)) {
        if (!presidioLikeRule(span.rule)) continue;
        for (const auto& w : line)
          if (w.begin < span.end && w.end > span.begin) {
            Finding f;
            f.kind = Kind::Text;
            f.category = span.category;
            f.box = Box{w.box.x, w.box.y, w.box.width, w.box.height};
            f.text = w.text;
            out.push_back(f);
          }
      }
    }
    // 3. Haar frontal faces (on at most 1920 px, as Haar is measured in the engineering notes)
    const double s = std::min(1.0, 1920.0 / std::max(gray.cols, gray.rows));
    cv::Mat small;
    cv::resize(gray, small, {}, s, s, cv::INTER_AREA);
    std::vector<cv::Rect> faces;
    haar.detectMultiScale(small, faces, 1.1, 3, 0, cv::Size(30, 30));
    for (const auto& r : faces) {
      Finding f;
      f.kind = Kind::Face;
      f.category = "face";
      f.box = Box{int(r.x / s), int(r.y / s), int(r.width / s), int(r.height / s)};
      out.push_back(f);
    }
    return out;
  }
};

std::string readAll(const std::string& path) { return medpics::util::readFile(path).value_or(""); }

}  // namespace

int main(int argc, char** argv) {
  ensureSingleThreadedOcr(argv);
  std::string dir = "bench-corpus";
  CorpusOptions corpus;
  corpus.count = 14;
  corpus.seed = 3;
  int baselineLimit = 1000;
  std::string ablate;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--count" && i + 1 < argc)
      corpus.count = std::stoi(argv[++i]);
    else if (a == "--seed" && i + 1 < argc)
      corpus.seed = std::stoull(argv[++i]);
    else if (a == "--baseline-limit" && i + 1 < argc)
      baselineLimit = std::stoi(argv[++i]);
    else if (a == "--ablate" && i + 1 < argc)
      ablate = argv[++i];
    else
      dir = a;
  }
  if (!std::filesystem::exists(dir) || loadCorpus(dir).empty()) {
    std::printf("generating %d images (seed %llu) into %s\n", corpus.count, (unsigned long long)corpus.seed,
                dir.c_str());
    writeCorpus(dir, corpus);
  }
  const auto images = loadCorpus(dir);
  PipelineOptions options;
  options.cacheEntries = 0;
  Pipeline pipeline(options);
  for (const auto& w : pipeline.warnings()) std::printf("warning: %s\n", w.c_str());
  std::printf(
      "pipeline start-up: %.0f ms wall (per worker, CPU: networks loaded %.0f ms, first inferences %.0f ms, Tesseract "
      "%.0f ms, face detectors %.0f ms, word list %.0f ms); network load target < 500 ms CPU: %s\n",
      pipeline.startup().wallMs, pipeline.startup().networksCpuMs, pipeline.startup().firstInferenceCpuMs,
      pipeline.startup().ocrCpuMs, pipeline.startup().faceCpuMs, pipeline.startup().wordListCpuMs,
      pipeline.startup().networksCpuMs < 500 ? "met" : "NOT met");
  // --ablate: the same pipeline without one speed-up each, and without any (the pipeline as it was before them)
  struct Variant {
    std::string name;
    std::unique_ptr<Pipeline> pipeline;
    Summary summary;
  };
  std::vector<Variant> variants;
  if (!ablate.empty()) {
    auto add = [&](const std::string& name, auto change) {
      const std::string key = name == "without shared job queue" ? "queue"
                              : name == "without face plan"      ? "faces"
                              : name == "without working copy"   ? "copy"
                              : name == "without strip tiles"    ? "strips"
                                                                 : "before";
      if (ablate != "all" && ("," + ablate + ",").find("," + key + ",") == std::string::npos) return;
      PipelineOptions o = options;
      change(o);
      variants.push_back({name, std::make_unique<Pipeline>(o), {}});
    };
    add("without shared job queue", [](PipelineOptions& o) { o.speed.sharedQueue = false; });
    add("without face plan", [](PipelineOptions& o) { o.speed.facePlan = false; });
    add("without working copy", [](PipelineOptions& o) { o.speed.workingCopy = false; });
    add("without strip tiles", [](PipelineOptions& o) { o.textRegions.refineTileHeight = 0; });
    add("without any (before)", [](PipelineOptions& o) {
      o.speed = {false, false, false};
      o.textRegions.refineTileHeight = 0;
    });
  }
  Baseline baseline;
  pipeline.analyze(readAll(images.front().imagePath));  // warm-up: first image's buffers
  for (auto& v : variants) v.pipeline->analyze(readAll(images.front().imagePath));
  Summary ours, theirs, oursOnBaselineSet;
  int n = 0;
  for (const auto& truth : images) {
    const std::string bytes = readAll(truth.imagePath);
    const double mp = truth.width * double(truth.height) / 1e6;
    const auto result = pipeline.analyze(bytes);
    const auto score = scoreImage(truth, result.findings);
    ours.add(score, result.elapsedMs, mp);
    std::printf("%-40s %5.1f MP  pipeline %6.0f ms, %d false alarms", truth.imagePath.c_str(), mp, result.elapsedMs,
                score.falseAlarms);
    for (auto& v : variants) {
      const auto r = v.pipeline->analyze(bytes);
      v.summary.add(scoreImage(truth, r.findings), r.elapsedMs, mp);
      std::printf(" | %s %6.0f ms", v.name.c_str(), r.elapsedMs);
    }
    if (n++ < baselineLimit) {
      const auto t = Clock::now();
      const auto findings = baseline.analyze(bytes);
      const double ms = std::chrono::duration<double, std::milli>(Clock::now() - t).count();
      const auto bscore = scoreImage(truth, findings);
      theirs.add(bscore, ms, mp);
      oursOnBaselineSet.add(score, result.elapsedMs, mp);
      std::printf(" | baseline %7.0f ms, %d false alarms", ms, bscore.falseAlarms);
    }
    std::printf("\n");
    std::fflush(stdout);
  }
  std::printf("\n%s\n%s\n", ours.report("pipeline (medpics-detect " + Pipeline::version() + ")").c_str(),
              theirs.report("baseline (full-image Tesseract + regex/trigger words + Haar frontal)").c_str());
  std::printf("median time per image on the same %d images: pipeline %.0f ms, baseline %.0f ms\n", theirs.images,
              oursOnBaselineSet.percentile(0.5), theirs.percentile(0.5));
  std::printf("speed-up on the images both ran: median %.2fx, mean %.2fx\n",
              theirs.percentile(0.5) / std::max(1.0, oursOnBaselineSet.percentile(0.5)), [&] {
                double a = 0, b = 0;
                for (double v : theirs.ms) a += v;
                for (double v : oursOnBaselineSet.ms) b += v;
                return a / std::max(1.0, b);
              }());
  if (!variants.empty()) {
    auto line = [&](const std::string& name, const Summary& s) {
      std::printf(
          "%-26s median %6.0f ms  x%.2f baseline speed  PHI text %.3f  text <= 13 px %.3f (%d/%d)  codes %.3f  "
          "faces %.3f  false alarms / image %.2f  benign masked %.3f\n",
          name.c_str(), s.percentile(0.5), theirs.percentile(0.5) / std::max(1.0, s.percentile(0.5)), s.recall("text:"),
          s.smallTextRecall(), s.smallText.first, s.smallText.second, s.recall("barcode"), s.recall("face"),
          s.falseAlarms / double(std::max(1, s.images)), s.benignMaskedFraction());
    };
    std::printf("\nspeed-ups of issue 14 point 6, same images, same run (baseline median %.0f ms):\n",
                theirs.percentile(0.5));
    line("with all", ours);
    for (const auto& v : variants) line(v.name, v.summary);
  }
  return 0;
}
