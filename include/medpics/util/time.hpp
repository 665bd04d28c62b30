// RFC 3339 UTC timestamps ("2026-01-31T12:00:00Z") for JSON: the platform's API and the creds import reports.
#pragma once
#include <cstdint>
#include <string>

namespace medpics::util {

// RFC 3339 UTC text of a time in seconds since the epoch.
std::string rfc3339(std::int64_t seconds);

}  // namespace medpics::util
