// `medpics analyze [--json] FILE...`: runs the PHI detection pipeline on image files.
#include "command.hpp"

#include "medpics/detect/pipeline.hpp"
#include "medpics/util/file.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <optional>

namespace {

int analyze(const medpics::cli::Args& args) {
  bool json = false;
  std::vector<std::string> files;
  for (const auto& a : args) {
    if (a == "--json")
      json = true;
    else if (a.size() > 1 && a[0] == '-') {
      std::fprintf(stderr, "medpics analyze: unknown option %s\nusage: medpics analyze [--json] FILE...\n", a.c_str());
      return 2;
    } else
      files.push_back(a);
  }
  if (files.empty()) {
    std::fprintf(stderr, "usage: medpics analyze [--json] FILE...\n");
    return 2;
  }
  // built at the first readable file: a refused input (a directory, a FIFO, /dev/zero) is answered at once, without
  // waiting for the models to load (the pipeline's destructor waits for its warm-up)
  std::optional<medpics::detect::Pipeline> pipeline;
  bool allOk = true;
  for (const auto& path : files) {
    std::string error;
    medpics::detect::AnalysisResult result;
    if (const auto bytes = medpics::util::readFile(path, &error, medpics::util::kMaxImageFileBytes))
      result = (pipeline ? *pipeline : pipeline.emplace()).analyze(*bytes);
    else
      result.error = error;
    allOk = allOk && result.ok();
    if (json) {
      nlohmann::json line = {{"image", path}};
      line.update(medpics::detect::toJson(result));
      std::printf("%s\n", line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    } else {
      std::printf("%s: ", path.c_str());
      if (!result.ok())
        std::printf("error: %s\n", result.error.c_str());
      else
        std::printf("%dx%d, %zu findings, %.0f ms\n", result.width, result.height, result.findings.size(),
                    result.elapsedMs);
      for (const auto& f : result.findings) {
        std::printf("  %-8s %-10s %s %.2f", medpics::detect::kindName(f.kind), f.category.c_str(),
                    f.phi ? "PHI " : "    ", f.confidence);
        if (f.box) std::printf(" [%d,%d,%d,%d]", f.box->x, f.box->y, f.box->w, f.box->h);
        if (!f.text.empty()) std::printf(" \"%s\"", f.text.c_str());
        std::printf("\n");
      }
    }
    std::fflush(stdout);
  }
  return allOk ? 0 : 2;
}

const medpics::cli::CommandRegistrar kAnalyze({"analyze", "analyze [--json] FILE...    detect PHI in images", analyze});

}  // namespace
