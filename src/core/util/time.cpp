// RFC 3339 UTC formatting of epoch seconds.
#include "medpics/util/time.hpp"

#include <ctime>

namespace medpics::util {

std::string rfc3339(std::int64_t seconds) {
  const std::time_t t = static_cast<std::time_t>(seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace medpics::util
