// Logger implementation: one line per message, timestamped, secrets redacted.
#include "medpics/util/log.hpp"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <mutex>
#include <algorithm>
#include <cctype>
#include <cstring>

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

// A linear scan, not std::regex: libstdc++'s regex recurses per matched character, and a log line may carry
// megabytes of untrusted text (a server's error message), which overflowed the stack.
std::string redactSecrets(std::string_view text) {
  auto lower = [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); };
  auto startsWithAt = [&](std::size_t i, std::string_view word) {
    if (text.size() - i < word.size()) return false;
    for (std::size_t k = 0; k < word.size(); ++k)
      if (lower(text[i + k]) != word[k]) return false;
    return true;
  };
  auto tokenChar = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || (c != '\0' && std::strchr("._~+/=-", c));
  };
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    if (startsWithAt(i, "bearer")) {  // Bearer <token>
      std::size_t j = i + 6, k = j;
      while (k < text.size() && space(text[k])) ++k;
      if (k > j && k < text.size() && tokenChar(text[k])) {
        out.append(text.substr(i, k - i)).append("***");
        while (k < text.size() && tokenChar(text[k])) ++k;
        i = k;
        continue;
      }
    }
    if (startsWithAt(i, "\"password\"")) {  // "password": "<value>"
      std::size_t k = i + 10;
      while (k < text.size() && space(text[k])) ++k;
      if (k < text.size() && text[k] == ':') {
        ++k;
        while (k < text.size() && space(text[k])) ++k;
        if (k < text.size() && text[k] == '"') {
          out.append(text.substr(i, k + 1 - i)).append("***");
          std::size_t end = k + 1;
          while (end < text.size() && text[end] != '"') end += text[end] == '\\' ? 2 : 1;
          i = std::min(end, text.size());  // the closing quote (if any) is copied by the loop
          continue;
        }
      }
    }
    out += text[i++];
  }
  return out;
}

}  // namespace medpics::log
