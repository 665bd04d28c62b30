// Logger implementation: one line per message, timestamped, secrets redacted.
#include "medpics/util/log.hpp"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <mutex>
#include <regex>

namespace medpics::log {
namespace {
std::atomic<Level> gLevel{Level::Info};
std::mutex gMutex;
const char* name(Level l) {
  switch (l) {
    case Level::Debug: return "debug";
    case Level::Info: return "info";
    case Level::Warn: return "warn";
    case Level::Error: return "error";
  }
  return "?";
}
}  // namespace

void setLevel(Level level) { gLevel = level; }

void write(Level level, std::string_view message) {
  if (level < gLevel.load()) return;
  const auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%H:%M:%S", &tm);
  const std::string safe = redactSecrets(message);
  std::lock_guard lock(gMutex);
  std::fprintf(stderr, "%s %-5s %s\n", stamp, name(level), safe.c_str());
}

std::string redactSecrets(std::string_view text) {
  static const std::regex bearer(R"((Bearer\s+)[A-Za-z0-9._~+/=-]+)", std::regex::icase);
  static const std::regex password(R"(("password"\s*:\s*")[^"]*("))", std::regex::icase);
  std::string out = std::regex_replace(std::string(text), bearer, "$1***");
  return std::regex_replace(out, password, "$1***$2");
}

}  // namespace medpics::log
