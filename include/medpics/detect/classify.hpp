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
  std::string category;    // name, date, nir, id, phone, email, address, hospital
  float confidence = 0.f;  // 0..1
  std::string rule;        // which rule fired, e.g. "nir-key", "trigger-name", "date-numeric"
  bool repaired = false;   // an identifier whose key was wrong by one OCR-confusable digit and is valid once repaired
};

// PHI spans of a text (caption, comment, OCR line), sorted by begin, overlapping spans merged
// (the merged span keeps the category of its most confident part). The text is folded first (text_normalise.hpp:
// zero-width and bidirectional controls, full-width forms, Cyrillic/Greek look-alikes) and the spans are offsets
// into the ORIGINAL text. Linear time in the text's length.
std::vector<TextSpan> findPhiSpans(std::string_view utf8);

// Verdict for one localised text line.
struct LineVerdict {
  std::string category;  // a PHI category, "benign" or "other-text"
  bool phi = true;
  float confidence = 0.f;
  std::vector<TextSpan> spans;
  bool repaired = false;   // a span's identifier was repaired with its key
  bool uncertain = false;  // text not read confidently (garbage, very short, low OCR confidence): phi true here;
                           // the pipeline keeps it masked where it may identify, "to-check" elsewhere
  bool vocabulary =
      false;  // (uncertain) a line of clinical vocabulary and measures read with errors, with no
              // trigger, PHI span or capitalised unknown word: "to-check" wherever it is, except on photos
};

// Classifies an OCR'd line. ocrConfidence is 0..1; unreadable or low-confidence text is "other-text" with phi true
// (unknown text is masked by default); text made only of benign vocabulary, numbers and units is "benign", phi false;
// confidently read lower-case prose with no name-like word is "benign" too.
LineVerdict classifyLine(std::string_view text, float ocrConfidence);

}  // namespace medpics::detect
