// Menu bar: session, language, connection status.
#include "desk.hpp"
#include "i18n.hpp"
#include "views/views.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>

namespace medpics::desk {

void drawMenuBar(Desk& desk, GLFWwindow* window) {
  if (!ImGui::BeginMenuBar()) return;
  if (ImGui::BeginMenu(tr("menu.file"))) {
    if (ImGui::MenuItem(tr("menu.logout"))) desk.logout();
    if (ImGui::MenuItem(tr("menu.quit"), "Ctrl+Q")) glfwSetWindowShouldClose(window, GLFW_TRUE);
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu(tr("menu.view"))) {
    if (ImGui::BeginMenu(tr("menu.language"))) {
      if (ImGui::MenuItem("Français", nullptr, language() == Language::French)) desk.setLanguage("fr");
      if (ImGui::MenuItem("English", nullptr, language() == Language::English)) desk.setLanguage("en");
      ImGui::EndMenu();
    }
    ImGui::EndMenu();
  }
  if (desk.session) {
    ImGui::Separator();
    ImGui::TextDisabled("%s %s %s %s", tr("status.connected"), desk.loginUrl.c_str(), tr("status.as"),
                        desk.session->user.displayName.c_str());
  }
  ImGui::EndMenuBar();
  const ImGuiIO& io = ImGui::GetIO();
  if (io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_Q, false)) glfwSetWindowShouldClose(window, GLFW_TRUE);
}

}  // namespace medpics::desk
