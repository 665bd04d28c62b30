// `medpics-fuzz-seeds DIR`: writes the seed corpora of the libFuzzer targets (DIR/<target>/...) from the generated
// samples (valid and hostile); samples over 256 KiB are left out so that fuzzing stays fast.
#include "input_corpus.hpp"

#include <cstdio>
#include <string>

using namespace medpics::corpus;

namespace {
std::vector<Sample> small(std::vector<Sample> samples) {
  std::erase_if(samples, [](const Sample& s) { return s.bytes.size() > (256u << 10); });
  return samples;
}
std::vector<Sample> join(std::vector<Sample> a, const std::vector<Sample>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}
// The classifier target reads its first byte as the OCR confidence.
std::vector<Sample> withConfidence(std::vector<Sample> samples) {
  for (auto& s : samples) s.bytes.insert(s.bytes.begin(), char(200));
  return samples;
}
}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: medpics-fuzz-seeds DIR\n");
    return 2;
  }
  const std::string dir = argv[1];
  const auto images = small(join(validImages(), hostileImages()));
  const auto answers = small(join(apiAnswers(), hostileJson()));
  const auto extracts = small(directoryExtracts());
  // Text over 16 KiB is left to the hostile-text test: the regex rules take seconds per 100 kB of digits, which
  // the fuzzer would report as a timeout (a known cost, see docs/fuzzing.md).
  auto texts = withConfidence(textLines());
  std::erase_if(texts, [](const Sample& s) { return s.bytes.size() > (16u << 10); });
  writeAll(images, dir + "/fuzz_image_decode");
  writeAll(answers, dir + "/fuzz_api_answer");
  writeAll(extracts, dir + "/fuzz_directory_extract");
  writeAll(texts, dir + "/fuzz_text_classify");
  std::printf("seeds: %zu images, %zu API answers, %zu extracts, %zu texts in %s\n", images.size(), answers.size(),
              extracts.size(), texts.size(), dir.c_str());
  return 0;
}
