// Notification toasts (bottom left, over the queue): errors stay until dismissed; "Details" opens a window with the
// full detail.
#include "desk.hpp"
#include "format.hpp"
#include "i18n.hpp"
#include "style.hpp"
#include "ui_probe.hpp"
#include "views/desk_view.hpp"
#include "views/views.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <ctime>

namespace medpics::desk {
namespace {

void drawDetailWindow(Desk& desk) {
  if (!deskView().panels.notificationDetail) return;
  const Panels::Detail& n = *deskView().panels.notificationDetail;
  bool open = true;
  placeWindow(style::kDetailWindow.w, style::kDetailWindow.h, ImGuiCond_Appearing);
  ImGui::Begin(tr("notify.detail_title"), &open, ImGuiWindowFlags_NoCollapse);
  probe("notify.detail");
  ImGui::TextColored(n.error ? style::colour::kError : style::colour::kSuccess, "%s", n.text.c_str());
  ImGui::TextDisabled("%s", formatDateTime(n.wallTime, language()).c_str());
  std::string detail = n.detail;  // read-only, selectable so that it can be copied into a ticket
  ImGui::InputTextMultiline("##detail", &detail, ImVec2(-1, -style::px(style::kDetailButtons)),
                            ImGuiInputTextFlags_ReadOnly);
  if (ImGui::Button(tr("notify.copy"))) ImGui::SetClipboardText(n.detail.c_str());
  ImGui::SameLine();
  if (ImGui::Button(tr("status.dismiss"))) open = false;
  ImGui::End();
  if (!open) deskView().panels.notificationDetail.reset();
}

}  // namespace

void drawNotifications(Desk& desk) {
  drawDetailWindow(desk);
  if (desk.notifications.empty()) return;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  // Over a side panel and no wider than it: bottom left over the queue, or bottom right over the regions panel
  // when the queue is folded. A toast never hides the image, an action or the residual-check reason field.
  const SideLayout& sides = deskView().panels.sides;
  const bool overRight = sides.queueCollapsed && !sides.sideCollapsed;
  const float panel = overRight ? sides.side : sides.queueCollapsed ? 0 : sides.queue;
  const float margin = style::px(style::kSpaceL);
  const float kWidth = panel > style::px(style::kSmallButton) ? panel - margin - style::px(style::kSpaceS)
                                                              : style::px(style::kNotificationWidth);
  const float bottom = vp->WorkPos.y + vp->WorkSize.y - margin;
  if (overRight)
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x - margin, bottom), ImGuiCond_Always, ImVec2(1, 1));
  else
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + margin, bottom), ImGuiCond_Always, ImVec2(0, 1));
  ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(kWidth, vp->WorkSize.y / 2));
  ImGui::SetNextWindowBgAlpha(0.92f);
  ImGui::Begin("##notifications", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing |
                   ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoSavedSettings);
  const float textEnd = ImGui::GetCursorPosX() + kWidth - 2 * ImGui::GetStyle().WindowPadding.x;
  const ImGuiStyle& style = ImGui::GetStyle();
  auto buttonWidth = [&](const char* key) {
    return ImGui::CalcTextSize(tr(key)).x + 2 * style.FramePadding.x + style.ItemSpacing.x;
  };
  constexpr size_t kShown = 3;  // the newest; older ones stay in the list until they expire or are dismissed
  for (size_t i = desk.notifications.size() > kShown ? desk.notifications.size() - kShown : 0;
       i < desk.notifications.size(); ++i) {
    const Notification& n = desk.notifications[i];
    ImGui::PushID(static_cast<int>(i));
    ImGui::PushStyleColor(ImGuiCol_Text, n.error ? style::colour::kError : style::colour::kSuccess);
    // The text wraps before the buttons that follow it on its last line: they are never cut.
    const float buttons = buttonWidth("status.dismiss") + (n.detail.empty() ? 0 : buttonWidth("notify.details"));
    ImGui::PushTextWrapPos(textEnd - buttons);
    ImGui::TextWrapped("%s", n.text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    if (!n.detail.empty()) {
      ImGui::SameLine();
      if (ImGui::SmallButton(tr("notify.details")))
        deskView().panels.notificationDetail = Panels::Detail{n.error, n.text, n.detail, n.wallTime};
      probe("notify.details." + std::to_string(i));
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
  UiProbe::instance().markWindow("notifications");
  ImGui::End();
}

}  // namespace medpics::desk
