// Desk settings persisted as JSON in the user's config directory (never a password or token).
#pragma once
#include "medpics/mask/region.hpp"

#include <filesystem>
#include <map>
#include <string>

namespace medpics::desk {

struct Settings {
  std::string platformUrl = "http://127.0.0.1:8470";
  std::string username;
  std::string language = "fr";  // "fr" | "en"
  float uiScale = 1.0f;         // times the monitor's content scale (HiDPI)
  bool highContrast = false;
  bool requireMasksVisited = false;
  // Side panels: dragged widths (0: automatic) and folded panels (queue on the left, regions / claims on the right).
  int queuePanelWidth = 0, sidePanelWidth = 0;
  bool queuePanelCollapsed = false,
       sidePanelCollapsed = false;  // publishing waits until the final review's loupe has shown every mask
  int windowWidth = 1600, windowHeight = 900;
  // Default masking style per kind of region ("solid" | "mosaic" | "blur"); faces, text, codes, tattoos, manual.
  std::map<std::string, std::string> maskStyles{
      {"face", "solid"}, {"text", "solid"}, {"barcode", "solid"}, {"tattoo", "solid"}, {"manual", "solid"}};
  mask::Style maskStyle(const std::string& kind) const;  // solid when unknown
  int prefetchDepth = 8;                                 // posts prepared in the background after the open one (0: off)
  int prefetchMemoryMiB = 2048;  // memory cap of the prefetched posts; the farthest are evicted first
  bool rememberMe = false;       // the session token is kept in the OS keyring (never in this file)
  std::string caBundle;          // PEM file of the CA trusted for HTTPS (empty: the system store)

  static std::filesystem::path defaultPath();  // $XDG_CONFIG_HOME/medpics/desk.json
  // Dear ImGui window layout, next to the settings file (never the working directory).
  static std::filesystem::path layoutPath(const std::filesystem::path& settingsPath);
  static Settings load(const std::filesystem::path& path);  // defaults when absent or malformed
  bool save(const std::filesystem::path& path) const;
};

}  // namespace medpics::desk
