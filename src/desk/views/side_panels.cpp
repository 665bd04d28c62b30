// Side panels: fold and show them (F7, F8, the folded strip), and the bar between panels that resizes one.
#include "desk.hpp"
#include "i18n.hpp"
#include "shortcuts.hpp"
#include "style.hpp"
#include "ui_probe.hpp"
#include "views/desk_view.hpp"
#include "views/views.hpp"

#include <imgui.h>

#include <string>

namespace medpics::desk {

void toggleQueuePanel(Desk& desk) {
  auto& s = desk.settings;
  if (deskView().panels.sides.queueAutoCollapsed) {
    // Folded because the window is narrow: showing it folds the right-hand panel to make room.
    s.queuePanelCollapsed = false;
    s.sidePanelCollapsed = true;
  } else {
    s.queuePanelCollapsed = !deskView().panels.sides.queueCollapsed;
  }
  desk.saveSettings();
}

void toggleSidePanel(Desk& desk) {
  desk.settings.sidePanelCollapsed = !desk.settings.sidePanelCollapsed;
  desk.saveSettings();
}

bool panelSplitter(const char* id, float height, float& width, bool growsRight) {
  ImGui::InvisibleButton(id, ImVec2(style::px(style::kSpaceM), height));
  probe(id);
  const bool hovered = ImGui::IsItemHovered(), active = ImGui::IsItemActive();
  if (hovered || active) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
  if (hovered && !active) ImGui::SetTooltip("%s", tr("panel.resize"));
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(min.x + 2, min.y), ImVec2(max.x - 2, max.y),
                                            ImGui::GetColorU32(active    ? ImGuiCol_SeparatorActive
                                                               : hovered ? ImGuiCol_SeparatorHovered
                                                                         : ImGuiCol_Separator));
  if (active && ImGui::GetIO().MouseDelta.x != 0) {
    width += growsRight ? ImGui::GetIO().MouseDelta.x : -ImGui::GetIO().MouseDelta.x;
    return true;
  }
  return false;
}

void foldedPanel(Desk& desk, bool queue, const char* id, const char* arrow, float height) {
  const Action action = queue ? Action::ToggleQueuePanel : Action::ToggleSidePanel;
  const std::string tooltip =
      std::string(tr(queue ? "keys.toggle_queue_panel" : "keys.toggle_side_panel")) + " (" + keyLabel(action) + ")";
  if (!foldedStrip(id, arrow, tooltip.c_str(), height)) return;
  if (queue)
    toggleQueuePanel(desk);
  else
    toggleSidePanel(desk);
}

void panelBar(Desk& desk, bool queue, float height, bool growsRight) {
  const SideLayout& sides = deskView().panels.sides;
  float width = queue ? sides.queue : sides.side;
  if (panelSplitter(queue ? "panel.queue.splitter" : "panel.side.splitter", height, width, growsRight))
    (queue ? desk.settings.queuePanelWidth : desk.settings.sidePanelWidth) = int(width);
  if (ImGui::IsItemDeactivated()) desk.saveSettings();
  if (!ImGui::IsItemHovered() || !ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) return;
  if (queue)
    toggleQueuePanel(desk);
  else
    toggleSidePanel(desk);
}

bool foldedStrip(const char* id, const char* arrow, const char* tooltip, float height) {
  ImGui::BeginChild(id, ImVec2(kCollapsedStrip, height), true, ImGuiWindowFlags_NoScrollbar);
  const bool pressed = ImGui::Button(arrow, ImVec2(-1, 0));
  probe(id);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tooltip);
  ImGui::EndChild();
  return pressed;
}

}  // namespace medpics::desk
