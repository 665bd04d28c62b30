// Settings load/save; a malformed file is logged and replaced by defaults, never fatal.
#include "settings.hpp"

#include "medpics/util/log.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <fstream>

namespace medpics::desk {

std::filesystem::path Settings::defaultPath() {
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg) return std::filesystem::path(xdg) / "medpics/desk.json";
  const char* home = std::getenv("HOME");
  return std::filesystem::path(home ? home : ".") / ".config/medpics/desk.json";
}

Settings Settings::load(const std::filesystem::path& path) {
  Settings s;
  std::ifstream in(path);
  if (!in) return s;
  const auto j = nlohmann::json::parse(in, nullptr, false);
  if (!j.is_object()) {
    log::warn("settings: " + path.string() + " is not valid JSON; using defaults");
    return s;
  }
  s.platformUrl = j.value("platform_url", s.platformUrl);
  s.username = j.value("username", s.username);
  s.language = j.value("language", s.language);
  s.uiScale = j.value("ui_scale", s.uiScale);
  s.prefetchDepth = std::clamp(j.value("prefetch_depth", s.prefetchDepth), 0, 64);
  s.prefetchMemoryMiB = std::clamp(j.value("prefetch_memory_mib", s.prefetchMemoryMiB), 64, 65536);
  s.rememberMe = j.value("remember_me", s.rememberMe);
  s.caBundle = j.value("ca_bundle", s.caBundle);
  return s;
}

bool Settings::save(const std::filesystem::path& path) const {
  std::error_code ec;
  std::filesystem::create_directories(path.parent_path(), ec);
  const nlohmann::json j{{"platform_url", platformUrl}, {"username", username}, {"language", language},
                         {"ui_scale", uiScale}, {"prefetch_depth", prefetchDepth},
                         {"prefetch_memory_mib", prefetchMemoryMiB}, {"remember_me", rememberMe},
                         {"ca_bundle", caBundle}};
  const auto tmp = path.string() + ".tmp";
  {
    std::ofstream out(tmp);
    if (!(out << j.dump(2))) return false;
  }
  std::filesystem::rename(tmp, path, ec);
  return !ec;
}

}  // namespace medpics::desk
