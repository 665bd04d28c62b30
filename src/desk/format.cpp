// Locale formatting done by hand (no global locale: the desk switches language while running).
#include "format.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>

namespace medpics::desk {
namespace {
std::tm local(std::int64_t seconds) {
  const std::time_t t = static_cast<std::time_t>(seconds);
  std::tm tm{};
  localtime_r(&t, &tm);
  return tm;
}
}  // namespace

std::optional<std::int64_t> parseUtc(const std::string& text) {
  std::tm tm{};
  int consumed = 0;
  if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%n", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour,
                  &tm.tm_min, &tm.tm_sec, &consumed) != 6 ||
      consumed != 19 || text.size() != 20 || text[19] != 'Z')
    return std::nullopt;
  if (tm.tm_mon < 1 || tm.tm_mon > 12 || tm.tm_mday < 1 || tm.tm_mday > 31 || tm.tm_hour > 23 || tm.tm_min > 59 ||
      tm.tm_sec > 60)
    return std::nullopt;
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  return static_cast<std::int64_t>(timegm(&tm));
}

std::string formatDateTime(std::int64_t seconds, Language language) {
  const std::tm tm = local(seconds);
  char out[64];  // room for any int fields: no truncation warning
  if (language == Language::French)
    std::snprintf(out, sizeof out, "%02d/%02d/%04d %02d:%02d", tm.tm_mday, tm.tm_mon + 1, tm.tm_year + 1900, tm.tm_hour,
                  tm.tm_min);
  else
    std::snprintf(out, sizeof out, "%04d-%02d-%02d %02d:%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
                  tm.tm_min);
  return out;
}

std::string formatDateTime(const std::string& rfc3339, Language language) {
  const auto t = parseUtc(rfc3339);
  return t ? formatDateTime(*t, language) : rfc3339;
}

std::string formatTime(std::int64_t seconds) {
  const std::tm tm = local(seconds);
  char out[8];
  std::snprintf(out, sizeof out, "%02d:%02d", tm.tm_hour, tm.tm_min);
  return out;
}

std::string formatNumber(double value, int decimals, Language language) {
  const bool french = language == Language::French;
  char digits[64];
  std::snprintf(digits, sizeof digits, "%.*f", decimals, std::fabs(value));
  std::string text(digits);
  const auto point = text.find('.');
  std::string whole = text.substr(0, point), fraction = point == std::string::npos ? "" : text.substr(point + 1);
  const std::string group = french ? "\u202F" : ",";
  std::string grouped;
  for (std::size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) grouped += group;
    grouped += whole[i];
  }
  const bool negative = value < 0 && text.find_first_not_of("0.") != std::string::npos;
  return (negative ? "-" : "") + grouped + (fraction.empty() ? "" : (french ? "," : ".") + fraction);
}

std::string formatMinutes(double minutes) {
  const long total = std::lround(std::max(0.0, minutes));
  char out[32];
  if (total < 60)
    std::snprintf(out, sizeof out, "%ld min", total);
  else
    std::snprintf(out, sizeof out, "%ld h %02ld", total / 60, total % 60);
  return out;
}

std::int64_t localMidnight(std::int64_t now) {
  std::tm tm = local(now);
  tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
  tm.tm_isdst = -1;
  return static_cast<std::int64_t>(std::mktime(&tm));
}

int localHour(std::int64_t seconds) { return local(seconds).tm_hour; }

std::string fileProblemText(const std::string& path, util::FileProblem problem) {
  const char* key = "file.cannot_open";
  switch (problem) {
    case util::FileProblem::IsDirectory: key = "file.is_directory"; break;
    case util::FileProblem::NotRegular: key = "file.not_regular"; break;
    case util::FileProblem::TooLarge: key = "file.too_large"; break;
    default: break;
  }
  return path + (language() == Language::French ? " : " : ": ") + tr(key);
}

}  // namespace medpics::desk
