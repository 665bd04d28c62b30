// Evaluation corpus: synthetic clinical images (medpics::synth) at 1-12 MP, small rotations, JPEG noise, + ground truth.
#pragma once
#include <cstdint>
#include <functional>
#include <string>

namespace medpics::detect {

struct CorpusOptions {
  int count = 28;
  std::uint64_t seed = 1;
  int minMegapixels = 1, maxMegapixels = 12;
  double maxRotationDeg = 3.0;  // applied to half of the images (the lab report generator rotates its own page)
};

// Writes NNNN_<kind>.jpg and NNNN_<kind>.json ({"image","kind","width","height","elements":[{kind,category,phi,
// box:[x,y,w,h],text}]}) into `directory` (created). Image kinds cycle over the post kinds of the synth module.
// Returns the number of images written; progress(i) is called after each one.
int writeCorpus(const std::string& directory, const CorpusOptions& options,
                const std::function<void(int)>& progress = {});

}  // namespace medpics::detect
