// The desk application shell: GLFW window, OpenGL 3.3 context, Dear ImGui frame loop, screenshots.
#pragma once
#include "desk.hpp"
#include "gl/mask_preview.hpp"
#include "main_queue.hpp"
#include "views/desk_view.hpp"

#include "medpics/util/share_dir.hpp"

#include <functional>
#include <memory>
#include <string>

struct GLFWwindow;
struct ImGuiIO;

namespace medpics::desk {

struct AppOptions {
  DeskOptions desk;
  int width = 1600, height = 900;
  bool waitForEvents = true;  // idle: sleep until input or a finished job (false in tests)
  std::string title = "MedPics Desk";
  std::string shaderDir = (util::shareDirectory() / "shaders").string();  // GLSL files loaded at start
  std::string assetDir = (util::shareDirectory() / "assets").string();    // window icon
};

class App {
 public:
  App() = default;
  ~App();
  App(const App&) = delete;
  App& operator=(const App&) = delete;

  bool init(const AppOptions& options);  // false (with a message on stderr) if no window can be made
  bool frame();                          // one frame; false once the window should close
  int run();                             // frames until closed
  Desk& desk() { return *desk_; }
  void setWaitForEvents(bool wait) { options_.waitForEvents = wait; }
  double lastWaitMs() const { return lastWaitMs_; }  // time the last frame() slept waiting for events
  // Called after the platform backend's NewFrame and before ImGui::NewFrame: tests inject input here.
  std::function<void(ImGuiIO&)> inputHook;
  // Writes the current framebuffer (last rendered frame) to a PNG file.
  bool screenshot(const std::string& path);
  GLFWwindow* window() const { return window_; }
  gl::MaskPreview& maskPreview() { return *maskPreview_; }
  DeskView& view() { return view_; }

 private:
  void shutdown();
  void render();           // the current draw data into the back buffer
  void applyAppearance();  // fonts and theme for the UI scale × the monitor's content scale, and the contrast
  GLFWwindow* window_ = nullptr;
  MainQueue ui_;
  bool preloading_ = false;  // the next post's textures are still being uploaded: frames come without waiting
  DeskView view_;  // the view layer's GL state (before desk_: the desk's images go first)
  std::unique_ptr<gl::MaskPreview> maskPreview_;
  std::unique_ptr<Desk> desk_;
  AppOptions options_;
  bool imguiReady_ = false;
  std::string layoutPath_;  // imgui.ini in the config directory (ImGui keeps the pointer)
  float appliedScale_ = 0;
  bool appliedContrast_ = false;
  double lastWaitMs_ = 0;
};

}  // namespace medpics::desk
