// Minimal thread-safe logger to stderr; callers never pass tokens or passwords (see redactSecrets).
#pragma once
#include <string>
#include <string_view>

namespace medpics::log {
enum class Level { Debug, Info, Warn, Error };
void setLevel(Level level);
void write(Level level, std::string_view message);
inline void info(std::string_view m) { write(Level::Info, m); }
inline void warn(std::string_view m) { write(Level::Warn, m); }
inline void error(std::string_view m) { write(Level::Error, m); }
inline void debug(std::string_view m) { write(Level::Debug, m); }
// Replaces bearer tokens and "password" JSON values in a text by "***".
std::string redactSecrets(std::string_view text);
}  // namespace medpics::log
