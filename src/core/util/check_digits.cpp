// Check-digit algorithms of French identifiers: Luhn (RPPS, ADELI), INE BEA key letter, NIR key (Corsica 2A/2B).
#include "medpics/util/check_digits.hpp"

#include <algorithm>
#include <string>

namespace medpics::util {
namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool allDigits(std::string_view s) { return !s.empty() && std::all_of(s.begin(), s.end(), isDigit); }

constexpr std::string_view kBeaAlphabet = "ABCDEFGHJKLMNPRSTUVWXYZ";  // A-Z without I, O, Q

}  // namespace

bool luhnValid(std::string_view digits) {
  if (!allDigits(digits)) return false;
  int sum = 0;
  bool twice = false;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    int d = *it - '0';
    if (twice) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
    twice = !twice;
  }
  return sum % 10 == 0;
}

char luhnKey(std::string_view digits) {
  std::string candidate(digits);
  candidate += '0';
  for (char k = '0'; k <= '9'; ++k) {
    candidate.back() = k;
    if (luhnValid(candidate)) return k;
  }
  return '?';
}

char ineBeaKey(std::string_view tenDigits) {
  if (tenDigits.size() != 10 || !allDigits(tenDigits)) return '?';
  return kBeaAlphabet[std::stoull(std::string(tenDigits)) % 23];
}

int nirKey(std::string_view thirteen) {
  if (thirteen.size() != 13) return -1;
  std::string digits(thirteen);
  long long corsica = 0;
  if (digits.substr(5, 2) == "2A")
    corsica = 1000000;  // 19 instead of 20 in the département field
  else if (digits.substr(5, 2) == "2B")
    corsica = 2000000;  // 18
  if (corsica) digits.replace(5, 2, "20");
  if (!allDigits(digits)) return -1;
  const long long number = std::stoll(digits) - corsica;
  return static_cast<int>(97 - number % 97);
}

}  // namespace medpics::util
