// `medpics corpus --out DIR --count N --seed S`: writes synthetic clinical images with ground truth.
#include "command.hpp"

#include "medpics/demo/corpus.hpp"
#include "medpics/detect/evaluation.hpp"

#include <cstdio>
#include <map>
#include <string>

namespace {

// What the corpus holds: PHI text blocks and the share at 13 px or smaller, codes per symbology, faces.
void printComposition(const std::string& dir) {
  int phiText = 0, small = 0, benignText = 0, faces = 0;
  std::map<std::string, int> codes;
  for (const auto& image : medpics::detect::loadCorpus(dir))
    for (const auto& e : image.elements) {
      if (e.kind == "text" && e.phi) {
        ++phiText;
        small += e.glyphPx > 0 && e.glyphPx <= 13 ? 1 : 0;
      }
      benignText += e.kind == "text" && !e.phi ? 1 : 0;
      faces += e.kind == "face" ? 1 : 0;
      if (e.kind == "barcode") ++codes[e.symbology.empty() ? "?" : e.symbology];
    }
  std::printf("corpus: %d PHI text blocks, %d at 8-13 px (%.0f %%); %d benign text blocks; %d faces; codes:", phiText,
              small, phiText ? 100.0 * small / phiText : 0.0, benignText, faces);
  for (const auto& [name, n] : codes) std::printf(" %s %d", name.c_str(), n);
  std::printf("\n");
}

int corpus(const medpics::cli::Args& args) {
  std::string out;
  medpics::detect::CorpusOptions options;
  medpics::cli::Args rest;
  for (const auto& a : args) {
    if (a == "--easy")
      options.hard = false;
    else
      rest.push_back(a);
  }
  for (std::size_t i = 0; i + 1 < rest.size(); i += 2) {
    if (rest[i] == "--out")
      out = rest[i + 1];
    else if (rest[i] == "--count")
      options.count = std::stoi(rest[i + 1]);
    else if (rest[i] == "--seed")
      options.seed = std::stoull(rest[i + 1]);
    else if (rest[i] == "--max-mp")
      options.maxMegapixels = std::stoi(rest[i + 1]);
    else if (rest[i] == "--min-mp")
      options.minMegapixels = std::stoi(rest[i + 1]);
    else {
      std::fprintf(stderr, "medpics corpus: unknown option %s\n", rest[i].c_str());
      return 2;
    }
  }
  if (out.empty() || rest.size() % 2 != 0 || options.count <= 0) {
    std::fprintf(stderr, "usage: medpics corpus --out DIR [--count N] [--seed S] [--min-mp M] [--max-mp M] [--easy]\n");
    return 2;
  }
  const int written = medpics::detect::writeCorpus(
      out, options, [&](int i) { std::fprintf(stderr, "\rcorpus: %d/%d", i + 1, options.count); });
  std::fprintf(stderr, "\n");
  std::printf("corpus: %d images with ground truth in %s\n", written, out.c_str());
  printComposition(out);
  return written == options.count ? 0 : 2;
}

const medpics::cli::CommandRegistrar kCorpus(
    {"corpus", "corpus --out DIR --count N --seed S [--easy]   synthetic images + ground truth", corpus});

}  // namespace
