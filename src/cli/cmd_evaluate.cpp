// `medpics evaluate DIR [--verbose]`: runs the pipeline on a corpus and prints recall, false alarms and timing.
#include "command.hpp"

#include "medpics/detect/evaluation.hpp"
#include "medpics/detect/image_kind.hpp"
#include "medpics/detect/pipeline.hpp"
#include "medpics/util/file.hpp"

#include <opencv2/imgcodecs.hpp>

#include <cstdio>
#include <fstream>
#include <sstream>

namespace {

int evaluate(const medpics::cli::Args& args) {
  std::string dir;
  bool verbose = false;
  medpics::detect::PipelineOptions options;
  options.cacheEntries = 0;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    const bool hasValue = i + 1 < args.size();
    if (a == "--verbose" || a == "-v")
      verbose = true;
    else if (a == "--db-side" && hasValue)
      options.textRegions.dbTileSide = std::stoi(args[++i]);
    else if (a == "--db-large-side" && hasValue)
      options.textRegions.dbLargeSide = std::stoi(args[++i]);
    else if (a == "--face-tiles" && hasValue)
      options.face.maxTiles = std::stoi(args[++i]);
    else if (a == "--threads" && hasValue)
      options.threads = unsigned(std::stoi(args[++i]));
    else if (a == "--no-refine")
      options.textRegions.refine = false;
    else if (a == "--refine-tiles" && hasValue)
      options.textRegions.maxRefineTiles = std::stoi(args[++i]);
    else if (a == "--refine-side" && hasValue)
      options.textRegions.refineTileSide = std::stoi(args[++i]);
    else if (a == "--refine-height" && hasValue)
      options.textRegions.refineTileHeight = std::stoi(args[++i]);
    else if (a == "--refine-scale" && hasValue)
      options.textRegions.refineScale = std::stod(args[++i]);
    else
      dir = a;
  }
  if (dir.empty()) {
    std::fprintf(stderr,
                 "usage: medpics evaluate DIR [--verbose] [--db-side PX] [--db-large-side PX] [--face-tiles N] "
                 "[--threads N] [--no-refine]\n"
                 "       [--refine-tiles N] [--refine-side PX] [--refine-height PX] [--refine-scale X]\n");
    return 2;
  }
  const auto corpus = medpics::detect::loadCorpus(dir);
  if (corpus.empty()) {
    std::fprintf(stderr, "medpics evaluate: no ground truth (*.json) in %s\n", dir.c_str());
    return 2;
  }
  medpics::detect::Pipeline pipeline(options);
  {  // warm-up: loads the networks and the OCR engines, so that timings measure analysis only
    pipeline.analyze(medpics::util::readFile(corpus.front().imagePath).value_or(""));
  }
  medpics::detect::Summary summary;
  int failures = 0;
  for (const auto& truth : corpus) {
    const auto result = pipeline.analyze(medpics::util::readFile(truth.imagePath).value_or(""));
    if (!result.ok()) {
      ++failures;
      std::printf("%s: error %s\n", truth.imagePath.c_str(), result.error.c_str());
      continue;
    }
    const auto score = medpics::detect::scoreImage(truth, result.findings);
    summary.add(score, result.elapsedMs, result.width * double(result.height) / 1e6);
    summary.addKind(truth.kind, result.imageKind, score);
    if (verbose) {
      std::printf("%s: %.0f ms, %zu findings, %d false alarms, kind %s\n", truth.imagePath.c_str(), result.elapsedMs,
                  result.findings.size(), score.falseAlarms, result.imageKind.c_str());
      const auto k = medpics::detect::measureImageKind(cv::imread(truth.imagePath));
      std::printf(
          "  kind features: colourful %.3f paper %.3f pink %.3f dark %.3f mid %.3f skin %.3f grid %.2f page %.3f "
          "page-sat %.1f ink %.3f speckle %.3f\n",
          k.colourful, k.paper, k.pinkPaper, k.dark, k.midTones, k.skin, k.gridPeriodicity, k.page, k.pageSaturation,
          k.ink, k.speckle);
      for (const auto& m : score.missed) std::printf("  missed %s\n", m.c_str());
      for (const auto& a : score.alarms) std::printf("  false alarm %s\n", a.c_str());
      for (const auto& b : score.benignMasked) std::printf("  benign masked %s\n", b.c_str());
    }
  }
  std::printf("%s", summary.report("medpics evaluate " + dir).c_str());
  return failures ? 2 : 0;
}

const medpics::cli::CommandRegistrar kEvaluate(
    {"evaluate", "evaluate DIR [--verbose] [--db-side PX] [--face-tiles N]   recall / false alarms / timing",
     evaluate});

}  // namespace
