// Text folding before PHI matching: one linear pass, each folded byte mapped back to its original character.
#include "medpics/detect/text_normalise.hpp"

namespace medpics::detect {
namespace {

// Decodes one UTF-8 character at s[i]; returns its length (1 for an invalid byte, cp = the byte).
std::size_t decode(std::string_view s, std::size_t i, char32_t& cp) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  auto cont = [&](std::size_t k) { return k < s.size() && (b(k) & 0xC0) == 0x80; };
  if (c < 0x80) {
    cp = c;
    return 1;
  }
  if ((c & 0xE0) == 0xC0 && c >= 0xC2 && cont(i + 1)) {
    cp = char32_t((c & 0x1F) << 6 | (b(i + 1) & 0x3F));
    return 2;
  }
  if ((c & 0xF0) == 0xE0 && cont(i + 1) && cont(i + 2)) {
    cp = char32_t((c & 0x0F) << 12 | (b(i + 1) & 0x3F) << 6 | (b(i + 2) & 0x3F));
    return 3;
  }
  if ((c & 0xF8) == 0xF0 && cont(i + 1) && cont(i + 2) && cont(i + 3)) {
    cp = char32_t((c & 0x07) << 18 | (b(i + 1) & 0x3F) << 12 | (b(i + 2) & 0x3F) << 6 | (b(i + 3) & 0x3F));
    return 4;
  }
  cp = c;
  return 1;
}

bool removed(char32_t c) {
  return (c >= 0x200B && c <= 0x200F) || (c >= 0x2060 && c <= 0x2064) || c == 0xFEFF || c == 0x00AD || c == 0x061C ||
         (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || (c >= 0x0300 && c <= 0x036F);
}

// Latin look-alike of a Cyrillic or Greek letter, 0 when none.
char latinLookAlike(char32_t c) {
  // clang-format off
  switch (c) {
    // Cyrillic capitals
    case 0x0410: return 'A'; case 0x0412: return 'B'; case 0x0415: return 'E'; case 0x041A: return 'K';
    case 0x041C: return 'M'; case 0x041D: return 'H'; case 0x041E: return 'O'; case 0x0420: return 'P';
    case 0x0421: return 'C'; case 0x0422: return 'T'; case 0x0423: return 'Y'; case 0x0425: return 'X';
    case 0x0405: return 'S'; case 0x0406: return 'I'; case 0x0408: return 'J'; case 0x04C0: return 'I';
    // Cyrillic small letters
    case 0x0430: return 'a'; case 0x0435: return 'e'; case 0x043E: return 'o'; case 0x0440: return 'p';
    case 0x0441: return 'c'; case 0x0443: return 'y'; case 0x0445: return 'x'; case 0x0455: return 's';
    case 0x0456: return 'i'; case 0x0458: return 'j'; case 0x04BB: return 'h'; case 0x0501: return 'd';
    case 0x051B: return 'q'; case 0x051D: return 'w'; case 0x043A: return 'k'; case 0x0432: return 'b';
    // Greek capitals
    case 0x0391: return 'A'; case 0x0392: return 'B'; case 0x0395: return 'E'; case 0x0396: return 'Z';
    case 0x0397: return 'H'; case 0x0399: return 'I'; case 0x039A: return 'K'; case 0x039C: return 'M';
    case 0x039D: return 'N'; case 0x039F: return 'O'; case 0x03A1: return 'P'; case 0x03A4: return 'T';
    case 0x03A5: return 'Y'; case 0x03A7: return 'X';
    // Greek small letters
    case 0x03B1: return 'a'; case 0x03B9: return 'i'; case 0x03BA: return 'k'; case 0x03BD: return 'v';
    case 0x03BF: return 'o'; case 0x03C1: return 'p'; case 0x03C5: return 'u'; case 0x03C7: return 'x';
    default: return 0;
  }
  // clang-format on
}

// ASCII replacement of a compatibility character (NFKC subset), 0 when none.
char asciiFold(char32_t c) {
  if (c >= 0xFF01 && c <= 0xFF5E) return char(c - 0xFEE0);  // full-width ASCII
  if (c == 0x3000 || c == 0x00A0 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F) return ' ';
  if ((c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFE63 || c == 0xFE58) return '-';
  if (c == 0x2070) return '0';
  if (c == 0x00B9) return '1';
  if (c == 0x00B2) return '2';
  if (c == 0x00B3) return '3';
  if (c >= 0x2074 && c <= 0x2079) return char('0' + (c - 0x2070));
  if (c >= 0x2080 && c <= 0x2089) return char('0' + (c - 0x2080));
  if (c >= 0x1D7CE && c <= 0x1D7FF) return char('0' + (c - 0x1D7CE) % 10);  // mathematical digits
  if (c >= 0x1D400 && c <= 0x1D6A3) {                                       // mathematical letters
    const int k = int(c - 0x1D400) % 52;
    return char(k < 26 ? 'A' + k : 'a' + (k - 26));
  }
  // typographic quotes, which OCR reads on specks before a word ("“Validé par le biologiste"), fold to ASCII quotes
  if ((c >= 0x2018 && c <= 0x201B) || c == 0x2032) return '\'';
  if ((c >= 0x201C && c <= 0x201F) || c == 0x00AB || c == 0x00BB || c == 0x2033) return '"';
  if (c == 0x2024 || c == 0xFE52) return '.';
  if (c == 0xFE55 || c == 0xFF1A) return ':';
  return latinLookAlike(c);
}

}  // namespace

NormalisedText normaliseForMatching(std::string_view s) {
  NormalisedText out;
  out.text.reserve(s.size());
  out.start.reserve(s.size());
  out.end.reserve(s.size());
  auto push = [&](std::string_view bytes, std::size_t b, std::size_t e) {
    for (char ch : bytes) {
      out.text.push_back(ch);
      out.start.push_back(b);
      out.end.push_back(e);
    }
  };
  constexpr std::size_t kKeep = 24;
  std::size_t digitRun = 0;  // length of the current run of folded digits
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp = 0;
    const std::size_t len = decode(s, i, cp);
    const std::size_t b = i, e = i + len;
    i = e;
    if (len > 1 && removed(cp)) continue;
    char ascii = len == 1 ? s[b] : asciiFold(cp);
    if (ascii == 0) {
      push(s.substr(b, len), b, e);
      digitRun = 0;
      continue;
    }
    if (ascii >= '0' && ascii <= '9') {
      ++digitRun;
      if (digitRun > 2 * kKeep) {
        // keep a window of the last kKeep digits: drop the oldest kept one (at position size - kKeep)
        const std::size_t at = out.text.size() - kKeep;
        out.text.erase(at, 1);
        out.start.erase(out.start.begin() + long(at));
        out.end.erase(out.end.begin() + long(at));
      }
    } else {
      digitRun = 0;
    }
    push(std::string_view(&ascii, 1), b, e);
  }
  return out;
}

}  // namespace medpics::detect
