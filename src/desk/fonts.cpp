// Font loading: the UI font with the glyphs French needs and the tool icons merged in; ImGui's font as a fallback.
#include "fonts.hpp"
#include "icons.hpp"
#include "style.hpp"

#include "medpics/util/log.hpp"

#include <imgui.h>

#include <filesystem>

namespace medpics::desk {

namespace {
// The tool and action icons (Fork Awesome), merged into the UI font: one font, icons inline with text.
void mergeIcons(ImGuiIO& io, float scale) {
  static const ImWchar kIconRanges[] = {icon::kFirst, icon::kLast, 0};
  const char* path = "/usr/share/fonts/truetype/fork-awesome/forkawesome-webfont.ttf";
  if (!std::filesystem::exists(path)) {
    log::warn("fonts: Fork Awesome not found, tools show without icons (install fonts-fork-awesome)");
    return;
  }
  ImFontConfig config;
  config.MergeMode = true;
  config.PixelSnapH = true;
  config.GlyphMinAdvanceX = style::kIconAdvance * scale;  // icons of one width: rows of tool buttons line up
  config.GlyphOffset.y = style::kIconRaise * scale;
  io.Fonts->AddFontFromFileTTF(path, style::kIconSize * scale, &config, kIconRanges);
}
}  // namespace

void loadFonts(ImGuiIO& io, float scale) {
  static const ImWchar kRanges[] = {
      0x0020, 0x00FF,  // Basic Latin + Latin-1 (é, è, à, ç, «, », °)
      0x0152, 0x0153,  // Œ œ
      0x2013, 0x2014,  // – —
      0x2018, 0x201E,  // ‘ ’ “ ” „
      0x2026, 0x2026,  // …
      0x202F, 0x202F,  // narrow no-break space (French thousands separator)
      0x20AC, 0x20AC,  // €
      0x2190, 0x21FF,  // arrows (↺ ↻)
      0x2713, 0x2718,  // ✓ ✗
      0,
  };
  const char* candidates[] = {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                              "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf"};
  bool loaded = false;
  for (const char* path : candidates) {
    if (!std::filesystem::exists(path)) continue;
    if ((loaded = io.Fonts->AddFontFromFileTTF(path, style::kFontSize * scale, nullptr, kRanges) != nullptr)) break;
  }
  if (!loaded) {
    log::warn("fonts: DejaVu Sans not found, accents may not render (install fonts-dejavu-core)");
    io.Fonts->AddFontDefault();
  }
  mergeIcons(io, scale);
}

}  // namespace medpics::desk
