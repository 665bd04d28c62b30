// libFuzzer target: the PHI text classifier; spans must stay inside the input and on UTF-8 boundaries.
#include "medpics/creds/text.hpp"
#include "medpics/detect/classify.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

namespace {
bool continuation(std::string_view s, std::size_t i) {
  return i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80;
}
void checkSpans(std::string_view text, const std::vector<medpics::detect::TextSpan>& spans) {
  const bool utf8 = medpics::creds::isValidUtf8(text);
  for (const auto& s : spans) {
    if (s.begin > s.end || s.end > text.size()) std::abort();
    if (utf8 && (continuation(text, s.begin) || continuation(text, s.end))) std::abort();  // splits a character
  }
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  const float confidence = float(data[0]) / 255.f;
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  checkSpans(text, medpics::detect::findPhiSpans(text));
  checkSpans(text, medpics::detect::classifyLine(text, confidence).spans);
  return 0;
}
