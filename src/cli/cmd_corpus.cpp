// `medpics corpus --out DIR --count N --seed S`: writes synthetic clinical images with ground truth.
#include "command.hpp"

#include "medpics/detect/corpus.hpp"

#include <cstdio>
#include <string>

namespace {

int corpus(const medpics::cli::Args& args) {
  std::string out;
  medpics::detect::CorpusOptions options;
  for (std::size_t i = 0; i + 1 < args.size(); i += 2) {
    if (args[i] == "--out") out = args[i + 1];
    else if (args[i] == "--count") options.count = std::stoi(args[i + 1]);
    else if (args[i] == "--seed") options.seed = std::stoull(args[i + 1]);
    else if (args[i] == "--max-mp") options.maxMegapixels = std::stoi(args[i + 1]);
    else if (args[i] == "--min-mp") options.minMegapixels = std::stoi(args[i + 1]);
    else {
      std::fprintf(stderr, "medpics corpus: unknown option %s\n", args[i].c_str());
      return 2;
    }
  }
  if (out.empty() || args.size() % 2 != 0 || options.count <= 0) {
    std::fprintf(stderr, "usage: medpics corpus --out DIR [--count N] [--seed S] [--min-mp M] [--max-mp M]\n");
    return 2;
  }
  const int written = medpics::detect::writeCorpus(out, options, [&](int i) {
    std::fprintf(stderr, "\rcorpus: %d/%d", i + 1, options.count);
  });
  std::fprintf(stderr, "\n");
  std::printf("corpus: %d images with ground truth in %s\n", written, out.c_str());
  return written == options.count ? 0 : 2;
}

const medpics::cli::CommandRegistrar kCorpus({"corpus", "corpus --out DIR --count N --seed S   synthetic images + ground truth", corpus});

}  // namespace
