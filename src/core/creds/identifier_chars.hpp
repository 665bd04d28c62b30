// Character helpers shared by the identifier validators and the free-text scanner (private to the creds module).
#pragma once
#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

namespace medpics::creds::detail {

inline bool isDigit(char c) { return c >= '0' && c <= '9'; }
inline bool isAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }
inline bool allDigits(std::string_view s) { return !s.empty() && std::all_of(s.begin(), s.end(), isDigit); }

// A separator inside an identifier ("100 010.453-67", no-break spaces); `width` gets its byte length.
inline bool isSeparator(std::string_view s, std::size_t i, std::size_t& width) {
  const char c = s[i];
  if (c == ' ' || c == '.' || c == '-' || c == '/' || c == '_' || c == '\t') {
    width = 1;
    return true;
  }
  if (s.substr(i, 2) == "\xc2\xa0") {
    width = 2;
    return true;
  }  // NBSP
  if (s.substr(i, 3) == "\xe2\x80\xaf" || s.substr(i, 3) == "\xe2\x80\x91") {
    width = 3;
    return true;
  }  // narrow NBSP, hyphen
  return false;
}

// Sex digit, year, month, département (2A/2B allowed), commune, order, optional key.
bool nirShape(const std::string& normalized);

}  // namespace medpics::creds::detail
