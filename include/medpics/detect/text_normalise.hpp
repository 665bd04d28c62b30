// Text folding before PHI matching (NFKC-like compatibility fold, invisible controls removed, confusables folded),
// with a map from each folded byte back to the original text so spans are reported in the original's offsets.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace medpics::detect {

struct NormalisedText {
  std::string text;                // folded UTF-8
  std::vector<std::size_t> start;  // start[i]: original byte offset of the character that produced folded byte i
  std::vector<std::size_t> end;    // end[i]: original byte offset just past that character
  // Original [begin, end) of the folded half-open range [b, e) (e > b); characters removed inside it are included.
  std::size_t originalBegin(std::size_t b) const { return start[b]; }
  std::size_t originalEnd(std::size_t e) const { return end[e - 1]; }
};

// Folds, in one linear pass:
//  - zero-width characters (U+200B-U+200D, U+2060-U+2064, U+FEFF, soft hyphen U+00AD), bidirectional controls
//    (U+200E, U+200F, U+061C, U+202A-U+202E, U+2066-U+2069) and combining diacritics (U+0300-U+036F): removed;
//  - full-width ASCII (U+FF01-U+FF5E) and the ideographic space: to ASCII;
//  - other spaces (no-break, U+2000-U+200A, U+202F, U+205F) to ' '; dashes (U+2010-U+2015, U+2212) to '-';
//  - superscript/subscript digits and mathematical alphanumeric letters/digits (U+1D400-U+1D7FF) to ASCII;
//  - Cyrillic and Greek letters that look like Latin ones ("М", "р", "Ο") to those Latin letters;
//  - runs of more than 48 digits collapsed to their first and last 24 (no PHI pattern spans more; the map keeps
//    the whole run so a span over the collapsed run covers all of it in the original).
// Invalid UTF-8 bytes are kept as they are.
NormalisedText normaliseForMatching(std::string_view utf8);

}  // namespace medpics::detect
