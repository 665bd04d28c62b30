// PHI classifier for French and English text: used on OCR'd lines and on post captions/comments.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace medpics::detect {

// A classified span of text. Offsets are BYTE offsets into the UTF-8 input, half-open [begin, end);
// they always fall on UTF-8 character boundaries.
struct TextSpan {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string category;   // name, date, nir, id, phone, email, address, hospital
  float confidence = 0.f; // 0..1
  std::string rule;       // which rule fired, e.g. "nir-key", "trigger-name", "date-numeric"
};

// PHI spans of a text (caption, comment, OCR line), sorted by begin, overlapping spans merged
// (the merged span keeps the category of its most confident part).
std::vector<TextSpan> findPhiSpans(std::string_view utf8);

// Verdict for one localised text line.
struct LineVerdict {
  std::string category;   // a PHI category, "benign" or "other-text"
  bool phi = true;
  float confidence = 0.f;
  std::vector<TextSpan> spans;
};

// Classifies an OCR'd line. ocrConfidence is 0..1; unreadable or low-confidence text is "other-text" with phi true
// (unknown text is masked by default); text made only of benign vocabulary, numbers and units is "benign", phi false.
LineVerdict classifyLine(std::string_view text, float ocrConfidence);

}  // namespace medpics::detect
