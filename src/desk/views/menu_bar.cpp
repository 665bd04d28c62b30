// Menu bar: session, item actions, side windows, language and contrast; every shortcut label from the shortcut table.
#include "desk.hpp"
#include "i18n.hpp"
#include "shortcuts.hpp"
#include "style.hpp"
#include "ui_probe.hpp"
#include "views/desk_view.hpp"
#include "views/views.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>

namespace medpics::desk {
namespace {
bool item(const char* labelKey, Action action, bool selected = false, bool enabled = true) {
  return ImGui::MenuItem(tr(labelKey), keyLabel(action), selected, enabled);
}
}  // namespace

void drawMenuBar(Desk& desk, GLFWwindow* window) {
  if (!ImGui::BeginMenuBar()) return;
  Panels& panels = deskView().panels;
  if (ImGui::BeginMenu(tr("menu.file"))) {
    if (item("menu.settings", Action::Settings, panels.settings)) panels.settings = !panels.settings;
    if (ImGui::MenuItem(tr("menu.logout"))) desk.logout();
    if (item("menu.quit", Action::Quit)) glfwSetWindowShouldClose(window, GLFW_TRUE);
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu(tr("menu.item"))) {
    if (item("keys.next_item", Action::NextItem)) openAdjacent(desk, 1);
    if (item("keys.previous_item", Action::PreviousItem)) openAdjacent(desk, -1);
    if (item("keys.refresh", Action::Refresh)) desk.refreshQueue();
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu(tr("menu.view"))) {
    if (item("menu.history", Action::History, panels.history)) {
      panels.history = !panels.history;
      if (panels.history) loadHistory(desk);
    }
    if (item("menu.statistics", Action::Statistics, panels.statistics)) {
      panels.statistics = !panels.statistics;
      if (panels.statistics) loadStatistics(desk);
    }
    if (item("menu.high_contrast", Action::HighContrast, desk.settings.highContrast)) {
      desk.settings.highContrast = !desk.settings.highContrast;
      desk.saveSettings();
    }
    if (item("keys.toggle_queue_panel", Action::ToggleQueuePanel, !panels.sides.queueCollapsed)) toggleQueuePanel(desk);
    if (item("keys.toggle_side_panel", Action::ToggleSidePanel, !panels.sides.sideCollapsed)) toggleSidePanel(desk);
    if (ImGui::BeginMenu(tr("menu.language"))) {
      if (ImGui::MenuItem(tr("lang.fr"), nullptr, language() == Language::French)) desk.setLanguage("fr");
      if (ImGui::MenuItem(tr("lang.en"), nullptr, language() == Language::English)) desk.setLanguage("en");
      ImGui::EndMenu();
    }
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu(tr("menu.help"))) {
    if (item("keys.help", Action::Help, panels.help)) panels.help = !panels.help;
    ImGui::EndMenu();
  }
  if (desk.session && desk.offline) {
    // Offline: what is waiting, and why, with the technical detail behind "Details" (tooltip).
    ImGui::Separator();
    const int pending = desk.outboxCounts.pending;
    ImGui::TextColored(style::colour::kWarning, "%s — %d %s", tr("status.offline"), pending,
                       tr(pending == 1 ? "status.pending_one" : "status.pending_many"));
    probe("status.offline");
    if (ImGui::IsItemHovered()) {
      ImGui::BeginTooltip();
      ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32);
      ImGui::TextUnformatted(tr("status.offline_help"));
      ImGui::TextDisabled("%s%s%s", tr("notify.details"), colon(), desk.offlineDetail.c_str());
      ImGui::PopTextWrapPos();
      ImGui::EndTooltip();
    }
  } else if (desk.session) {
    ImGui::Separator();
    ImGui::TextDisabled("%s %s %s %s", tr("status.connected"), desk.loginUrl.c_str(), tr("status.as"),
                        desk.session->user.displayName.c_str());
    probe("status.connected");
  }
  ImGui::EndMenuBar();
}

}  // namespace medpics::desk
