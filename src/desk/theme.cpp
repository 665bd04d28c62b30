// Themes: Dear ImGui's dark style, or black / white / yellow with borders (WCAG AAA contrast for text).
#include "theme.hpp"
#include "style.hpp"

#include <imgui.h>

namespace medpics::desk {
namespace {

void highContrastColours(ImGuiStyle& style) {
  ImVec4* c = style.Colors;
  const ImVec4 black(0, 0, 0, 1), white(1, 1, 1, 1), yellow(1, 0.86f, 0, 1), grey(0.82f, 0.82f, 0.82f, 1);
  const ImVec4 frame(0.10f, 0.10f, 0.10f, 1), hover(0.22f, 0.22f, 0.05f, 1), active(0.40f, 0.35f, 0, 1);
  c[ImGuiCol_Text] = white;
  c[ImGuiCol_TextDisabled] = grey;
  c[ImGuiCol_WindowBg] = c[ImGuiCol_ChildBg] = black;
  c[ImGuiCol_PopupBg] = ImVec4(0.04f, 0.04f, 0.04f, 1);
  c[ImGuiCol_Border] = white;
  c[ImGuiCol_FrameBg] = frame;
  c[ImGuiCol_FrameBgHovered] = hover;
  c[ImGuiCol_FrameBgActive] = active;
  c[ImGuiCol_TitleBg] = c[ImGuiCol_TitleBgCollapsed] = black;
  c[ImGuiCol_TitleBgActive] = ImVec4(0.2f, 0.2f, 0.2f, 1);
  c[ImGuiCol_MenuBarBg] = ImVec4(0.08f, 0.08f, 0.08f, 1);
  c[ImGuiCol_CheckMark] = c[ImGuiCol_SliderGrab] = c[ImGuiCol_SliderGrabActive] = yellow;
  c[ImGuiCol_Button] = frame;
  c[ImGuiCol_ButtonHovered] = hover;
  c[ImGuiCol_ButtonActive] = active;
  c[ImGuiCol_Header] = ImVec4(0.25f, 0.22f, 0, 1);
  c[ImGuiCol_HeaderHovered] = hover;
  c[ImGuiCol_HeaderActive] = active;
  c[ImGuiCol_Separator] = c[ImGuiCol_SeparatorHovered] = c[ImGuiCol_SeparatorActive] = grey;
  c[ImGuiCol_Tab] = frame;
  c[ImGuiCol_TabHovered] = hover;
  c[ImGuiCol_TabActive] = c[ImGuiCol_TabUnfocusedActive] = active;
  c[ImGuiCol_PlotHistogram] = c[ImGuiCol_PlotLines] = yellow;
  c[ImGuiCol_TableHeaderBg] = ImVec4(0.15f, 0.15f, 0.15f, 1);
  c[ImGuiCol_TableRowBg] = black;
  c[ImGuiCol_TableRowBgAlt] = ImVec4(0.08f, 0.08f, 0.08f, 1);
  c[ImGuiCol_NavHighlight] = yellow;
  style.FrameBorderSize = 1.0f;
  style.WindowBorderSize = 2.0f;
  style.ChildBorderSize = 1.0f;
}

// One spacing scale for every screen (style.hpp): S inside a control (its text to its frame, a check box to its
// label), M between lines (list rows, a control and the next line), L between controls on a line and around a
// panel's content; rounding on controls and on panels and pop-ups. The defaults mixed 2, 3, 4 and 8 px vertically
// and square corners. Widths are unchanged: the side panels' rows of buttons are sized to fit at 1280 px.
void spacing(ImGuiStyle& s) {
  using namespace style;
  s.WindowPadding = ImVec2(kSpaceL, kSpaceL);
  s.FramePadding = ImVec2(kSpaceS, kSpaceS);
  s.ItemSpacing = ImVec2(kSpaceL, kSpaceM);
  s.ItemInnerSpacing = ImVec2(kSpaceS, kSpaceS);
  s.CellPadding = ImVec2(kSpaceS, kSpaceS);
  s.FrameRounding = s.GrabRounding = s.TabRounding = s.ScrollbarRounding = kRoundControl;
  s.WindowRounding = s.ChildRounding = s.PopupRounding = kRoundPanel;
}

}  // namespace

void applyTheme(bool highContrast, float scale) {
  ImGuiStyle style;
  ImGui::StyleColorsDark(&style);
  style.Colors[ImGuiCol_WindowBg].w = 1.0f;  // opaque: nothing behind a side window shows through its text
  spacing(style);
  if (highContrast) highContrastColours(style);
  style.ScaleAllSizes(scale);
  ImGui::GetStyle() = style;
  style::setScale(scale);  // the views' named sizes follow the same scale
}

}  // namespace medpics::desk
