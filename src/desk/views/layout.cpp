// Top-level layout: login screen, or menu bar + queue panel + the open item + notifications.
#include "desk.hpp"
#include "i18n.hpp"
#include "icons.hpp"
#include "shortcuts.hpp"
#include "views/desk_view.hpp"
#include "views/views.hpp"

#include <imgui.h>

#include <string>

namespace medpics::desk {

void drawDesk(Desk& desk, GLFWwindow* window) {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->WorkPos);
  ImGui::SetNextWindowSize(viewport->WorkSize);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_MenuBar;
  ImGui::Begin("##root", nullptr, flags);
  if (!desk.session) {
    drawLogin(desk);
  } else {
    drawMenuBar(desk, window);
    auto& s = desk.settings;
    SideLayout& sides = deskView().panels.sides;
    // The side panel is the regions list beside a post, the claims and checks beside a registration's proof.
    sides = sideLayout(viewport->WorkSize.x, float(s.queuePanelWidth), float(s.sidePanelWidth), s.queuePanelCollapsed,
                       s.sidePanelCollapsed, desk.tab == Tab::Posts ? kRegionsPanelMin : kClaimsPanelMin);
    const float height = ImGui::GetContentRegionAvail().y;
    if (sides.queueCollapsed) {
      foldedPanel(desk, true, "##queue-folded", icon::kFoldRight, height);
    } else {
      ImGui::BeginChild("##queue", ImVec2(sides.queue, 0), true);
      drawQueue(desk);
      ImGui::EndChild();
      ImGui::SameLine(0, 0);
      panelBar(desk, true, height, true);
    }
    ImGui::SameLine(0, 0);
    ImGui::BeginChild("##item", ImVec2(0, 0), false);
    if (desk.tab == Tab::Posts)
      drawPost(desk);
    else
      drawRegistration(desk);
    ImGui::EndChild();
  }
  ImGui::End();
  drawHistory(desk);
  drawStatistics(desk);
  drawSettings(desk);
  drawHelpOverlay(desk);
  drawNotifications(desk);
  handleGlobalKeys(desk, window);
}

}  // namespace medpics::desk
