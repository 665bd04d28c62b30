// Settings load/save; a malformed file is logged and replaced by defaults, never fatal.
#include "settings.hpp"

#include "medpics/util/log.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <fstream>

namespace medpics::desk {
namespace {
bool knownStyle(const std::string& s) { return s == "solid" || s == "mosaic" || s == "blur"; }
}  // namespace

std::filesystem::path Settings::defaultPath() {
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg)
    return std::filesystem::path(xdg) / "medpics/desk.json";
  const char* home = std::getenv("HOME");
  return std::filesystem::path(home ? home : ".") / ".config/medpics/desk.json";
}

std::filesystem::path Settings::layoutPath(const std::filesystem::path& settingsPath) {
  return settingsPath.parent_path() / "imgui.ini";
}

mask::Style Settings::maskStyle(const std::string& kind) const {
  const auto it = maskStyles.find(kind);
  return it == maskStyles.end() || !knownStyle(it->second) ? mask::Style::Solid : mask::styleFromString(it->second);
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
  s.uiScale = std::clamp(j.value("ui_scale", s.uiScale), 0.5f, 3.0f);
  s.prefetchDepth = std::clamp(j.value("prefetch_depth", s.prefetchDepth), 0, 64);
  s.prefetchMemoryMiB = std::clamp(j.value("prefetch_memory_mib", s.prefetchMemoryMiB), 64, 65536);
  s.rememberMe = j.value("remember_me", s.rememberMe);
  s.caBundle = j.value("ca_bundle", s.caBundle);
  s.highContrast = j.value("high_contrast", s.highContrast);
  s.requireMasksVisited = j.value("require_masks_visited", s.requireMasksVisited);
  s.queuePanelWidth = std::clamp(j.value("queue_panel_width", s.queuePanelWidth), 0, 4096);
  s.sidePanelWidth = std::clamp(j.value("side_panel_width", s.sidePanelWidth), 0, 4096);
  s.queuePanelCollapsed = j.value("queue_panel_collapsed", s.queuePanelCollapsed);
  s.sidePanelCollapsed = j.value("side_panel_collapsed", s.sidePanelCollapsed);
  s.windowWidth = std::clamp(j.value("window_width", s.windowWidth), 640, 16384);
  s.windowHeight = std::clamp(j.value("window_height", s.windowHeight), 480, 16384);
  if (const auto styles = j.find("mask_styles"); styles != j.end() && styles->is_object())
    for (const auto& [kind, style] : styles->items())
      if (style.is_string() && knownStyle(style.get<std::string>())) s.maskStyles[kind] = style.get<std::string>();
  return s;
}

bool Settings::save(const std::filesystem::path& path) const {
  std::error_code ec;
  std::filesystem::create_directories(path.parent_path(), ec);
  const nlohmann::json j{{"platform_url", platformUrl},
                         {"username", username},
                         {"language", language},
                         {"ui_scale", uiScale},
                         {"prefetch_depth", prefetchDepth},
                         {"high_contrast", highContrast},
                         {"require_masks_visited", requireMasksVisited},
                         {"queue_panel_width", queuePanelWidth},
                         {"side_panel_width", sidePanelWidth},
                         {"queue_panel_collapsed", queuePanelCollapsed},
                         {"side_panel_collapsed", sidePanelCollapsed},
                         {"window_width", windowWidth},
                         {"window_height", windowHeight},
                         {"mask_styles", maskStyles},
                         {"prefetch_memory_mib", prefetchMemoryMiB},
                         {"remember_me", rememberMe},
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
