// UTF-8 / Latin-1 conversion, accent folding of names and string similarity.
#include "medpics/creds/text.hpp"
#include "medpics/util/edit_distance.hpp"

#include <algorithm>
#include <cstdint>

namespace medpics::creds {
namespace {

// Decodes one code point at `i` (advancing it); invalid sequences yield the byte as Latin-1.
char32_t decodeOne(std::string_view s, std::size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  auto cont = [&](std::size_t k) { return i + k < s.size() && (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80; };
  auto bits = [&](std::size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(s[i + k]) & 0x3F); };
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  if (b0 >= 0xC2 && b0 <= 0xDF && cont(1)) {
    const char32_t c = (static_cast<char32_t>(b0 & 0x1F) << 6) | bits(1);
    i += 2;
    return c;
  }
  if (b0 >= 0xE0 && b0 <= 0xEF && cont(1) && cont(2)) {
    const char32_t c = (static_cast<char32_t>(b0 & 0x0F) << 12) | (bits(1) << 6) | bits(2);
    if (c >= 0x800 && (c < 0xD800 || c > 0xDFFF)) {
      i += 3;
      return c;
    }
  }
  if (b0 >= 0xF0 && b0 <= 0xF4 && cont(1) && cont(2) && cont(3)) {
    const char32_t c = (static_cast<char32_t>(b0 & 0x07) << 18) | (bits(1) << 12) | (bits(2) << 6) | bits(3);
    if (c >= 0x10000 && c <= 0x10FFFF) {
      i += 4;
      return c;
    }
  }
  ++i;
  return 0xFFFFFFFF;  // invalid marker; callers map it back to the byte
}

void appendUtf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// ASCII spelling of a Latin letter without its accent, or nullptr when not a known Latin letter.
const char* unaccent(char32_t c) {
  // U+00C0 .. U+00FF
  // clang-format off
  static const char* const kLatin1[64] = {
      "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
      "d", "n", "o", "o", "o", "o", "o", nullptr, "o", "u", "u", "u", "u", "y", "th", "ss",
      "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
      "d", "n", "o", "o", "o", "o", "o", nullptr, "o", "u", "u", "u", "u", "y", "th", "y"};
  if (c >= 0xC0 && c <= 0xFF) return kLatin1[c - 0xC0];
  switch (c) {
    case 0x152: case 0x153: return "oe";
    case 0x160: case 0x161: return "s";
    case 0x178: return "y";
    case 0x17D: case 0x17E: return "z";
    case 0x141: case 0x142: return "l";
    case 0x106: case 0x107: case 0x10C: case 0x10D: return "c";
    case 0x11A: case 0x11B: case 0x118: case 0x119: return "e";
    case 0x143: case 0x144: case 0x147: case 0x148: return "n";
    case 0x158: case 0x159: return "r";
    default: return nullptr;
  }
  // clang-format on
}

}  // namespace

bool isValidUtf8(std::string_view bytes) {
  for (std::size_t i = 0; i < bytes.size();) {
    if (decodeOne(bytes, i) == 0xFFFFFFFF) return false;
  }
  return true;
}

std::string latin1ToUtf8(std::string_view latin1) {
  std::string out;
  out.reserve(latin1.size() + latin1.size() / 8);
  for (const char ch : latin1) appendUtf8(out, static_cast<unsigned char>(ch));
  return out;
}

std::string utf8ToLatin1(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  for (std::size_t i = 0; i < utf8.size();) {
    const std::size_t start = i;
    const char32_t c = decodeOne(utf8, i);
    if (c == 0xFFFFFFFF)
      out += utf8[start];
    else if (c < 0x100)
      out += static_cast<char>(c);
    else if (c == 0x152)
      out += "OE";
    else if (c == 0x153)
      out += "oe";
    else if (c == 0x2019 || c == 0x2018)
      out += '\'';
    else if (c == 0x2013 || c == 0x2014)
      out += '-';
    else if (c == 0x20AC)
      out += "EUR";
    else
      out += '?';
  }
  return out;
}

std::string foldName(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  bool pendingSpace = false;
  auto put = [&](const char* text) {
    if (pendingSpace && !out.empty()) out += ' ';
    pendingSpace = false;
    out += text;
  };
  for (std::size_t i = 0; i < utf8.size();) {
    const std::size_t start = i;
    char32_t c = decodeOne(utf8, i);
    if (c == 0xFFFFFFFF) c = static_cast<unsigned char>(utf8[start]);  // stray Latin-1 byte
    if (c < 0x80) {
      const char ascii = static_cast<char>(c);
      if ((ascii >= 'a' && ascii <= 'z') || (ascii >= '0' && ascii <= '9')) {
        const char text[2] = {ascii, 0};
        put(text);
      } else if (ascii >= 'A' && ascii <= 'Z') {
        const char text[2] = {static_cast<char>(ascii - 'A' + 'a'), 0};
        put(text);
      } else {
        pendingSpace = true;  // space, hyphen, apostrophe, dot, punctuation
      }
    } else if (const char* base = unaccent(c)) {
      put(base);
    } else if (c == 0xA0 || c == 0x2019 || c == 0x2018 || c == 0x2010 || c == 0x2013 || c == 0x2014 || c == 0x202F) {
      pendingSpace = true;
    } else {
      std::string other;
      appendUtf8(other, c);
      put(other.c_str());
    }
  }
  return out;
}

std::vector<std::string> nameTokens(std::string_view utf8) {
  std::vector<std::string> tokens;
  const std::string folded = foldName(utf8);
  std::size_t start = 0;
  while (start < folded.size()) {
    std::size_t end = folded.find(' ', start);
    if (end == std::string::npos) end = folded.size();
    if (end > start) tokens.emplace_back(folded.substr(start, end - start));
    start = end + 1;
  }
  return tokens;
}

std::string foldKey(std::string_view utf8) {
  std::string folded = foldName(utf8);
  folded.erase(std::remove(folded.begin(), folded.end(), ' '), folded.end());
  return folded;
}

double similarity(std::string_view a, std::string_view b) {
  const std::size_t longest = std::max(a.size(), b.size());
  if (longest == 0) return 1.0;
  return 1.0 - static_cast<double>(util::editDistance(a, b)) / static_cast<double>(longest);
}

}  // namespace medpics::creds
