// Font loading: Latin-1, Œ/œ, €, typographic quotes, dashes, ellipsis and check marks; falls back to ImGui's font.
#include "fonts.hpp"

#include "medpics/util/log.hpp"

#include <imgui.h>

#include <filesystem>

namespace medpics::desk {

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
  for (const char* path : candidates) {
    if (!std::filesystem::exists(path)) continue;
    if (io.Fonts->AddFontFromFileTTF(path, 17.0f * scale, nullptr, kRanges)) return;
  }
  log::warn("fonts: DejaVu Sans not found, accents may not render (install fonts-dejavu-core)");
  io.Fonts->AddFontDefault();
}

}  // namespace medpics::desk
