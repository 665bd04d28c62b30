// Reads back the text the desk drew in the last frame from ImGui's draw lists (glyph quads → characters).
#pragma once
#include <string>
#include <vector>

namespace medpics::test {

// One run of glyphs on one line, as drawn (spaces restored from the gaps between glyphs).
struct VisibleLine {
  std::string text;  // UTF-8
  float x = 0, y = 0;
};

// Every line of text in ImGui's current draw data (valid between ImGui::Render() and the next NewFrame),
// whatever widget drew it: windows, menus, tooltips, popups, lists. A glyph clipped by its window is not seen.
std::vector<VisibleLine> visibleText();

}  // namespace medpics::test
