// Evaluation corpus: synthetic clinical images (medpics::synth) at 1-12 MP, small rotations, JPEG noise, + ground
// truth.
#pragma once
#include "medpics/demo/types.hpp"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace medpics::detect {

struct CorpusOptions {
  int count = 28;
  std::uint64_t seed = 1;
  int minMegapixels = 1, maxMegapixels = 12;
  double maxRotationDeg = 3.0;  // applied to half of the images (the lab report generator rotates its own page)
  // The hard corpus (default): synth GenerateOptions::hard, rotations of 0.5-3 degrees on 80 % of the images,
  // JPEG quality 35-80, ultrasound frames; false gives the earlier, easier corpus (70-95 JPEG, half rotated).
  bool hard = true;
};

// What the corpus draws for one image: its kind, size, rotation (degrees, 0 when not rotated) and JPEG quality.
struct CorpusDraw {
  synth::ImageKind kind{};
  int width = 0, height = 0;
  double rotationDeg = 0.0;
  int quality = 0;
};

// The draws of the `options.count` images of a corpus, in order (deterministic by seed).
std::vector<CorpusDraw> corpusDraws(const CorpusOptions& options);

// Image `index` of the corpus as writeCorpus writes it, before its JPEG pass at draw.quality (`draw` is
// corpusDraws(options)[index]): tests rebuild any corpus image from its seed and index.
synth::SynthImage corpusImage(const CorpusOptions& options, const CorpusDraw& draw, int index);

// Writes NNNN_<kind>.jpg and NNNN_<kind>.json ({"image","kind","width","height","elements":[{kind,category,phi,
// box:[x,y,w,h],text[,glyph_px][,symbology]}]}: glyph_px is the font pixel size of a text element, symbology the
// ZXing format name of a code) into `directory` (created). Image kinds cycle over the post kinds of the synth module.
// Returns the number of images written; progress(i) is called after each one.
int writeCorpus(const std::string& directory, const CorpusOptions& options,
                const std::function<void(int)>& progress = {});

}  // namespace medpics::detect
