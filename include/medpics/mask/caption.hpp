// Caption masking: PHI spans of a post's caption (or comment) replaced by "[…]" before publication.
#pragma once
#include "medpics/detect/classify.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace medpics::mask {

// The placeholder that replaces each masked span: '[', U+2026 HORIZONTAL ELLIPSIS, ']'.
inline constexpr std::string_view kCaptionPlaceholder = "[\xE2\x80\xA6]";

using ByteSpan = std::pair<std::size_t, std::size_t>;  // UTF-8 byte offsets [begin, end) into the original caption

struct MaskedCaption {
  std::string text;             // the published caption
  std::vector<ByteSpan> spans;  // what was masked, in the ORIGINAL caption: sorted, merged, on character boundaries
};

// Replaces every span by kCaptionPlaceholder. Spans are clipped to the caption, widened to whole UTF-8 characters
// (never narrowed: a span cutting a character masks all of it), sorted, and overlapping or adjacent spans merged into
// one placeholder. Empty spans are ignored.
MaskedCaption maskCaption(std::string_view caption, std::vector<ByteSpan> spans);
// Same with the spans of detect::findPhiSpans (or the subset the moderator chose to mask).
MaskedCaption maskCaption(std::string_view caption, const std::vector<detect::TextSpan>& spans);

// Decision mapping of the masked spans: [[begin, end], ...] ("caption_spans_masked").
nlohmann::json spansToJson(const std::vector<ByteSpan>& spans);

}  // namespace medpics::mask
