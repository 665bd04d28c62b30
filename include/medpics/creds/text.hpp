// Text helpers of the credentials module: UTF-8/Latin-1 conversion and accent-free name folding.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace medpics::creds {

// True when `bytes` is well-formed UTF-8 (overlongs and surrogates rejected).
bool isValidUtf8(std::string_view bytes);
// Latin-1 (ISO-8859-1) bytes to UTF-8.
std::string latin1ToUtf8(std::string_view latin1);
// UTF-8 to Latin-1; characters outside Latin-1 are transliterated (œ → oe, ’ → ') or become '?'.
std::string utf8ToLatin1(std::string_view utf8);

// Folds a name for comparison: accents removed, lower case, hyphens, apostrophes, dots and
// other punctuation turned into single spaces, trimmed. "Hélène  LE-GOFF" → "helene le goff".
std::string foldName(std::string_view utf8);
// foldName split on spaces.
std::vector<std::string> nameTokens(std::string_view utf8);
// Folds and removes every non-alphanumeric character: "Prénom d'exercice" → "prenomdexercice".
std::string foldKey(std::string_view utf8);

// 1 - distance / max(length), in [0, 1]; 1 for two empty strings.
double similarity(std::string_view a, std::string_view b);

}  // namespace medpics::creds
