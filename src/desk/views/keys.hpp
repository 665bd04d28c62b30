// Keyboard shortcut helper: a GLFW key pressed this frame while no text field has focus.
#pragma once
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>

namespace medpics::desk {
inline bool shortcut(int glfwKey, bool ctrl = false) {
  const ImGuiIO& io = ImGui::GetIO();
  return !io.WantTextInput && io.KeyCtrl == ctrl && ImGui::IsKeyPressed(glfwKey, false);
}
}  // namespace medpics::desk
