// Notification toasts (bottom right): errors stay until dismissed, with their detail in a tooltip.
#include "desk.hpp"
#include "i18n.hpp"
#include "views/views.hpp"

#include <imgui.h>

namespace medpics::desk {

void drawNotifications(Desk& desk) {
  if (desk.notifications.empty()) return;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x - 20, vp->WorkPos.y + vp->WorkSize.y - 20),
                          ImGuiCond_Always, ImVec2(1, 1));
  ImGui::SetNextWindowBgAlpha(0.92f);
  ImGui::Begin("##notifications", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing |
                   ImGuiWindowFlags_NoNav);
  for (size_t i = 0; i < desk.notifications.size(); ++i) {
    const Notification& n = desk.notifications[i];
    ImGui::PushID(static_cast<int>(i));
    ImGui::TextColored(n.error ? ImVec4(1, 0.5f, 0.4f, 1) : ImVec4(0.5f, 0.9f, 0.6f, 1), "%s", n.text.c_str());
    if (!n.detail.empty()) {
      ImGui::SameLine();
      ImGui::TextDisabled("(?)");
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", n.detail.c_str());
    }
    ImGui::SameLine();
    if (ImGui::SmallButton(tr("status.dismiss"))) {
      desk.notifications.erase(desk.notifications.begin() + static_cast<long>(i));
      ImGui::PopID();
      break;
    }
    ImGui::PopID();
  }
  ImGui::End();
}

}  // namespace medpics::desk
