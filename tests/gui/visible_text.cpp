// Glyph quads of the font atlas are matched back to their code points; pen gaps give the spaces.
#include "visible_text.hpp"

#include <imgui.h>

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

// Top-left UV of each visible glyph of every font of the atlas → the glyph.
const std::map<std::uint64_t, GlyphInfo>& glyphsByUv() {
  static std::map<std::uint64_t, GlyphInfo> map;
  static const ImFontAtlas* built = nullptr;
  ImFontAtlas* atlas = ImGui::GetIO().Fonts;
  if (built == atlas && !map.empty()) return map;
  map.clear();
  for (const ImFont* font : atlas->Fonts)
    for (const ImFontGlyph& g : font->Glyphs)
      if (g.Visible) map.emplace(uvKey(ImVec2(g.U0, g.V0)), GlyphInfo{&g, font});
  built = atlas;
  return map;
}

void appendUtf8(std::string& out, unsigned int c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

}  // namespace

std::vector<VisibleLine> visibleText() {
  std::vector<VisibleLine> lines;
  const ImDrawData* data = ImGui::GetDrawData();
  if (!data) return lines;
  const auto& glyphs = glyphsByUv();
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
      appendUtf8(lines.back().text, g.Codepoint);
      nextPen = pen + g.AdvanceX * scale;
      open = true;
      i += 4;
    }
  }
  return lines;
}

}  // namespace medpics::test
