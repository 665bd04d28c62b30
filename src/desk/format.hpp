// Dates, times and numbers in the user's language: French "23/11/2026 14:05", "1 234,5"; English "2026-11-23 14:05",
// "1,234.5".
#pragma once
#include "i18n.hpp"

#include "medpics/util/file.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace medpics::desk {

// Seconds since the epoch of an RFC 3339 UTC time ("2026-11-23T13:05:00Z"); nullopt if malformed.
std::optional<std::int64_t> parseUtc(const std::string& rfc3339);
// Local date and time of epoch seconds.
std::string formatDateTime(std::int64_t seconds, Language language);
std::string formatDateTime(const std::string& rfc3339, Language language);  // the text itself if malformed
std::string formatTime(std::int64_t seconds);                               // local "14:05"
// French: narrow no-break space (U+202F) between thousands and a decimal comma; English: comma and point.
std::string formatNumber(double value, int decimals, Language language);
// A duration in minutes: "45 min", "2 h 05".
std::string formatMinutes(double minutes);
// "<path> : n'est pas un fichier …" — why a local file was refused before reading, in the user's language.
std::string fileProblemText(const std::string& path, util::FileProblem problem);
// Epoch seconds of the last local midnight before `now`.
std::int64_t localMidnight(std::int64_t now);
// Local hour of the day (0–23) of epoch seconds.
int localHour(std::int64_t seconds);

}  // namespace medpics::desk
