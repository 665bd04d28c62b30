// Identifier and date validators used by the PHI classifier (RPPS, ADELI, NIR shape and key, dates).
#include "medpics/detect/validators.hpp"

#include "medpics/util/check_digits.hpp"

#include <cctype>

namespace medpics::detect {

std::string digitsOnly(std::string_view text) {
  std::string out;
  for (char c : text)
    if (c >= '0' && c <= '9') out += c;
  return out;
}

bool rppsValid(std::string_view text) {
  const std::string d = digitsOnly(text);
  return d.size() == 11 && util::luhnValid(d);
}

bool adeliValid(std::string_view text) {
  const std::string d = digitsOnly(text);
  return d.size() == 9 && util::luhnValid(d);
}

bool nirValid(std::string_view text) {
  std::string s;
  for (char c : text)
    if (c != ' ' && c != '.' && c != '-') s += char(std::toupper(static_cast<unsigned char>(c)));
  if (s.size() != 15) return false;
  const char sex = s[0];
  if (sex != '1' && sex != '2' && sex != '3' && sex != '4' && sex != '7' && sex != '8') return false;
  const int expected = util::nirKey(std::string_view(s).substr(0, 13));  // -1 unless digits (2A/2B allowed)
  if (expected < 0) return false;
  for (std::size_t i = 13; i < 15; ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  const int month = (s[3] - '0') * 10 + (s[4] - '0');
  if (month == 0 || (month > 12 && month < 20) || (month > 42 && month < 50)) return false;
  const int key = (s[13] - '0') * 10 + (s[14] - '0');
  return key == expected;
}

namespace {
// Digits OCR engines confuse with each digit (symmetric).
const char* confusions(char d) {
  static const char* table[10] = {"689", "74", "7", "89", "19", "63", "580", "12", "03695", "8043"};
  return table[d - '0'];
}

template <typename Valid>
std::string repairOne(std::string s, Valid valid) {
  std::string found;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char original = s[i];
    if (original < '0' || original > '9') continue;
    for (const char* c = confusions(original); *c; ++c) {
      s[i] = *c;
      if (valid(s)) {
        if (!found.empty() && found != s) return "";  // two repairs: ambiguous
        found = s;
      }
    }
    s[i] = original;
  }
  return found;
}
}  // namespace

std::string repairNir(std::string_view text) {
  std::string s;
  for (char c : text)
    if (c != ' ' && c != '.' && c != '-') s += char(std::toupper(static_cast<unsigned char>(c)));
  if (s.size() != 15 || nirValid(s)) return "";
  return repairOne(s, [](const std::string& v) { return nirValid(v); });
}

std::string repairRpps(std::string_view text) {
  const std::string d = digitsOnly(text);
  if (d.size() != 11 || rppsValid(d)) return "";
  return repairOne(d, [](const std::string& v) { return v.compare(0, 2, "10") == 0 && rppsValid(v); });
}

std::string repairAdeli(std::string_view text) {
  const std::string d = digitsOnly(text);
  if (d.size() != 9 || adeliValid(d)) return "";
  return repairOne(d, [](const std::string& v) { return adeliValid(v); });
}

bool dateValid(int day, int month, int year) {
  if (year < 1870 || year > 2099 || month < 1 || month > 12 || day < 1) return false;
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day <= days[month - 1] + (month == 2 && leap ? 1 : 0);
}

}  // namespace medpics::detect
