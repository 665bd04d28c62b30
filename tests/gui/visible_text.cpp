// Glyph quads of the font atlas are matched back to their code points; pen gaps give the spaces.
#include "visible_text.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <cmath>
#include <cstring>
#include <map>

namespace medpics::test {
namespace {

struct GlyphInfo {
  const ImFontGlyph* glyph;
  const ImFont* font;
};

std::uint64_t uvKey(ImVec2 uv) {
  std::uint32_t u, v;
  std::memcpy(&u, &uv.x, 4);
  std::memcpy(&v, &uv.y, 4);
  return (static_cast<std::uint64_t>(u) << 32) | v;
}

// Top-left UV of each visible glyph of every font of the current atlas → the glyph. Made at each call: a map kept
// from an earlier call may point into the atlas of a desk window already closed (another test case's), even when the
// new atlas has the same address.
std::map<std::uint64_t, GlyphInfo> glyphsByUv() {
  std::map<std::uint64_t, GlyphInfo> map;
  for (const ImFont* font : ImGui::GetIO().Fonts->Fonts)
    for (const ImFontGlyph& g : font->Glyphs)
      if (g.Visible) map.emplace(uvKey(ImVec2(g.U0, g.V0)), GlyphInfo{&g, font});
  return map;
}

}  // namespace

std::vector<VisibleLine> visibleText() {
  std::vector<VisibleLine> lines;
  const ImDrawData* data = ImGui::GetDrawData();
  if (!data) return lines;
  const auto glyphs = glyphsByUv();
  for (int l = 0; l < data->CmdListsCount; ++l) {
    const ImDrawList* list = data->CmdLists[l];
    bool open = false;
    float nextPen = 0, lineY = 0, spaceWidth = 0;
    // ImGui writes a glyph as 4 vertices (PrimRectUV: top-left first) and 6 indices, in the order of the string.
    for (int i = 0; i + 3 < list->VtxBuffer.Size;) {
      const ImDrawVert& a = list->VtxBuffer[i];
      const ImDrawVert& c = list->VtxBuffer[i + 2];
      const auto it = glyphs.find(uvKey(a.uv));
      const bool isGlyph = it != glyphs.end() && c.uv.x == it->second.glyph->U1 && c.uv.y == it->second.glyph->V1;
      if (!isGlyph) {
        open = false;
        ++i;
        continue;
      }
      const ImFontGlyph& g = *it->second.glyph;
      const float width = g.X1 - g.X0;
      const float scale = width > 0 ? (c.pos.x - a.pos.x) / width : 1.0f;
      const float pen = a.pos.x - g.X0 * scale;
      const float top = a.pos.y - g.Y0 * scale;
      const bool sameLine = open && std::fabs(top - lineY) < 1.0f && pen > nextPen - 1.0f;
      if (!sameLine) {
        lines.push_back({"", pen, top});
        lineY = top;
        const ImFontGlyph* space = it->second.font->FindGlyphNoFallback(' ');
        spaceWidth = (space ? space->AdvanceX : 4.0f) * scale;
      } else if (pen - nextPen > 0.5f * spaceWidth) {
        const int spaces = std::max(1, static_cast<int>(std::lround((pen - nextPen) / spaceWidth)));
        lines.back().text.append(static_cast<std::size_t>(std::min(spaces, 3)), ' ');
      }
      char utf8[5];
      lines.back().text += ImTextCharToUtf8(utf8, g.Codepoint);
      nextPen = pen + g.AdvanceX * scale;
      open = true;
      i += 4;
    }
  }
  return lines;
}

}  // namespace medpics::test
