// Top-level layout: login screen, or menu bar + queue panel + the open item + notifications.
#include "desk.hpp"
#include "i18n.hpp"
#include "views/views.hpp"

#include <imgui.h>

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
    ImGui::BeginChild("##queue", ImVec2(360, 0), true);
    drawQueue(desk);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##item", ImVec2(0, 0), false);
    if (desk.tab == Tab::Posts) drawPost(desk);
    else drawRegistration(desk);
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
