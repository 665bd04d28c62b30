// Loads the UI font (DejaVu Sans) with the glyph ranges French text needs.
#pragma once
struct ImGuiIO;
namespace medpics::desk {
void loadFonts(ImGuiIO& io, float scale = 1.0f);
}
