// Caption masking: normalise the spans (clip, widen to characters, sort, merge) then splice the placeholder in.
#include "medpics/mask/caption.hpp"

#include <algorithm>

namespace medpics::mask {

namespace {
bool continuation(unsigned char c) { return (c & 0xC0) == 0x80; }
}  // namespace

MaskedCaption maskCaption(std::string_view caption, std::vector<ByteSpan> spans) {
  const std::size_t n = caption.size();
  std::vector<ByteSpan> clean;
  clean.reserve(spans.size());
  for (auto [b, e] : spans) {
    b = std::min(b, n);
    e = std::min(e, n);
    if (b >= e) continue;
    while (b > 0 && continuation(static_cast<unsigned char>(caption[b]))) --b;  // start of the character
    while (e < n && continuation(static_cast<unsigned char>(caption[e]))) ++e;  // past the character
    clean.emplace_back(b, e);
  }
  std::sort(clean.begin(), clean.end());
  MaskedCaption out;
  for (const auto& s : clean) {
    if (!out.spans.empty() && s.first <= out.spans.back().second)  // overlapping or adjacent
      out.spans.back().second = std::max(out.spans.back().second, s.second);
    else
      out.spans.push_back(s);
  }
  std::size_t at = 0;
  for (const auto& [b, e] : out.spans) {
    out.text.append(caption.substr(at, b - at));
    out.text.append(kCaptionPlaceholder);
    at = e;
  }
  out.text.append(caption.substr(at));
  return out;
}

MaskedCaption maskCaption(std::string_view caption, const std::vector<detect::TextSpan>& spans) {
  std::vector<ByteSpan> raw;
  raw.reserve(spans.size());
  for (const auto& s : spans) raw.emplace_back(s.begin, s.end);
  return maskCaption(caption, std::move(raw));
}

nlohmann::json spansToJson(const std::vector<ByteSpan>& spans) {
  nlohmann::json j = nlohmann::json::array();
  for (const auto& [b, e] : spans) j.push_back({b, e});
  return j;
}

}  // namespace medpics::mask
