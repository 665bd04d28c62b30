// Shortcuts that work on every screen (help, side windows, quit) and the queue's next / previous item.
#include "desk.hpp"
#include "shortcuts.hpp"
#include "views/desk_view.hpp"
#include "views/views.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>

namespace medpics::desk {
namespace {

// '?' typed (whatever the keyboard layout puts it on) while no text field has the keyboard.
bool questionMarkTyped() {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.WantTextInput) return false;
  for (int i = 0; i < io.InputQueueCharacters.Size; ++i)
    if (io.InputQueueCharacters[i] == '?') return true;
  return false;
}

template <class Item>
int indexOf(const std::vector<Item>& items, const std::string& id) {
  for (int i = 0; i < static_cast<int>(items.size()); ++i)
    if (items[static_cast<size_t>(i)].id == id) return i;
  return -1;
}

}  // namespace

void openAdjacent(Desk& desk, int step) {
  const bool posts = desk.tab == Tab::Posts;
  const std::string current = desk.post ? desk.post->detail.id : desk.registration ? desk.registration->detail.id : "";
  const std::string self = desk.session ? desk.session->user.username : "";
  auto open = [&](const auto& items, auto openItem) {
    const int n = static_cast<int>(items.size());
    const int here = indexOf(items, current);
    int i = here < 0 ? (step > 0 ? 0 : n - 1) : here + step;
    for (; i >= 0 && i < n; i += step) {
      const auto& item = items[static_cast<size_t>(i)];
      if (!item.lease || item.lease->holder == self) return openItem(item.id);  // skip items held by others
    }
  };
  if (posts)
    open(desk.posts, [&desk](const std::string& id) { desk.openPost(id); });
  else
    open(desk.registrations, [&desk](const std::string& id) { desk.openRegistration(id); });
}

void handleGlobalKeys(Desk& desk, GLFWwindow* window) {
  Panels& panels = deskView().panels;
  if (pressed(Action::Help) || questionMarkTyped()) panels.help = !panels.help;
  if (panels.help && pressed(Action::Cancel)) panels.help = false;
  if (pressed(Action::Quit)) glfwSetWindowShouldClose(window, GLFW_TRUE);
  if (pressed(Action::ToggleQueuePanel)) toggleQueuePanel(desk);
  if (pressed(Action::ToggleSidePanel)) toggleSidePanel(desk);
  if (pressed(Action::HighContrast)) {
    desk.settings.highContrast = !desk.settings.highContrast;
    desk.saveSettings();
  }
  if (pressed(Action::Settings)) panels.settings = !panels.settings;
  if (!desk.session) return;
  if (pressed(Action::History)) {
    panels.history = !panels.history;
    if (panels.history) loadHistory(desk);
  }
  if (pressed(Action::Statistics)) {
    panels.statistics = !panels.statistics;
    if (panels.statistics) loadStatistics(desk);
  }
  if (rejectFormOf(desk).open) return;  // the reject form has the keyboard
  if (pressed(Action::Refresh)) desk.refreshQueue();
  if (pressed(Action::NextItem)) openAdjacent(desk, 1);
  if (pressed(Action::PreviousItem)) openAdjacent(desk, -1);
}

}  // namespace medpics::desk
