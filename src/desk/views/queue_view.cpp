// Queue panel: tabs for posts and registrations (by role), pending items oldest first, refresh.
#include "desk.hpp"
#include "i18n.hpp"
#include "icons.hpp"
#include "shortcuts.hpp"
#include "style.hpp"
#include "ui_probe.hpp"
#include "views/views.hpp"

#include <imgui.h>

#include <string>

namespace medpics::desk {
namespace {

template <class Item, class Label>
void drawList(Desk& desk, const std::vector<Item>& items, const std::string& openId, Label label, bool posts) {
  if (items.empty()) {
    ImGui::TextDisabled("%s", desk.loadingQueue ? tr("queue.loading") : tr("queue.empty"));
    return;
  }
  int row = 0;
  for (const auto& item : items) {
    ImGui::PushID(item.id.c_str());
    const bool heldByOther = item.lease && desk.session && item.lease->holder != desk.session->user.username;
    if (heldByOther) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    const std::string text = label(item);
    // As wide as the panel, never as wide as the text (which the panel cuts off, then shows whole in a tooltip).
    if (ImGui::Selectable(text.c_str(), item.id == openId, 0,
                          ImVec2(ImGui::GetContentRegionAvail().x, style::px(style::kQueueRow)))) {
      if (posts)
        desk.openPost(item.id);
      else
        desk.openRegistration(item.id);
    }
    probe("queue.row." + std::to_string(row++));
    if (heldByOther) {
      ImGui::PopStyleColor();
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s %s", tr("queue.leased_by"), item.lease->holder.c_str());
    } else if (ImGui::IsItemHovered() && ImGui::CalcTextSize(text.c_str()).x > ImGui::GetItemRectSize().x) {
      ImGui::SetTooltip("%s", text.c_str());  // cut off by the panel's width: shown whole
    }
    ImGui::PopID();
  }
}

}  // namespace

void drawQueue(Desk& desk) {
  const bool moderator = desk.session->user.hasRole("moderator");
  const bool verifier = desk.session->user.hasRole("verifier");
  // F2 / F3 select a tab from the keyboard (the tab bar follows).
  const bool keyPosts = moderator && pressed(Action::TabPosts) && desk.tab != Tab::Posts;
  const bool keyRegistrations = verifier && pressed(Action::TabRegistrations) && desk.tab != Tab::Registrations;
  if (ImGui::BeginTabBar("##tabs")) {
    // Tab names without their keys (two tabs fit in the narrowest queue); the key is in the tooltip.
    const bool postsTab = moderator && ImGui::BeginTabItem((std::string(tr("tab.posts")) + "##posts").c_str(), nullptr,
                                                           keyPosts ? ImGuiTabItemFlags_SetSelected : 0);
    if (moderator) shortcutTooltip(Action::TabPosts);
    if (postsTab) {
      if (desk.tab != Tab::Posts) {
        desk.closeCurrent();
        desk.tab = Tab::Posts;
        desk.refreshQueue();
      }
      ImGui::EndTabItem();
    }
    const bool registrationsTab =
        verifier && ImGui::BeginTabItem((std::string(tr("tab.registrations")) + "##registrations").c_str(), nullptr,
                                        keyRegistrations ? ImGuiTabItemFlags_SetSelected : 0);
    if (verifier) shortcutTooltip(Action::TabRegistrations);
    if (registrationsTab) {
      if (desk.tab != Tab::Registrations) {
        desk.closeCurrent();
        desk.tab = Tab::Registrations;
        desk.refreshQueue();
      }
      ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
  }
  const bool posts = desk.tab == Tab::Posts;
  ImGui::Text("%d %s", posts ? desk.postsTotal : desk.registrationsTotal, tr("queue.pending"));
  // Right-aligned in the panel; where the count leaves no room for its label, the button is the icon alone (its
  // name in the tooltip).
  const float room = ImGui::GetContentRegionAvail().x - ImGui::GetItemRectSize().x - ImGui::GetStyle().ItemSpacing.x;
  const bool iconOnly = room < style::px(style::kSmallButton);
  const float refresh = iconOnly ? ImGui::GetFrameHeight() * 1.5f : style::px(style::kSmallButton);
  ImGui::SameLine(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - refresh);
  if (ImGui::Button(iconOnly ? (std::string(icon::kRefresh) + "##refresh").c_str() : tr("queue.refresh"),
                    ImVec2(refresh, 0)))
    desk.refreshQueue();
  probe("queue.refresh");
  if (iconOnly) shortcutTooltip(Action::Refresh);
  shortcutTooltip(Action::Refresh);
  ImGui::Separator();
  ImGui::BeginChild("##items", ImVec2(0, -pipelinePanelHeight()));
  if (posts) {
    drawList(
        desk, desk.posts, desk.post ? desk.post->detail.id : "",
        [](const api::PostSummary& p) {
          return p.author.displayName + " · " + postKindName(p.kind) + "\n" + p.captionExcerpt;
        },
        true);
  } else {
    drawList(
        desk, desk.registrations, desk.registration ? desk.registration->detail.id : "",
        [](const api::RegistrationSummary& r) {
          return r.applicantName + "\n" + r.profession + " · " +
                 tr(r.category == "student" ? "reg.student" : "reg.professional");
        },
        false);
  }
  ImGui::EndChild();
  drawPipelinePanel(desk);
}

}  // namespace medpics::desk
