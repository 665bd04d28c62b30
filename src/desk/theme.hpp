// Look of the desk: the default dark theme or a readable high-contrast one, scaled for the UI scale and HiDPI.
#pragma once

namespace medpics::desk {
// Sets Dear ImGui's style from scratch (colours, sizes times `scale`).
void applyTheme(bool highContrast, float scale);
}  // namespace medpics::desk
