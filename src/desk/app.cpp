// App implementation: window and context set-up, the event-driven frame loop, framebuffer capture.
#include "app.hpp"
#include "shortcuts.hpp"

#include "fonts.hpp"
#include "image_loading.hpp"
#include "theme.hpp"
#include "ui_probe.hpp"
#include "views/views.hpp"

#include "medpics/util/log.hpp"

#include <glad/gl.h>
// glad first, then GLFW without its own GL header.
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <vector>

namespace medpics::desk {

App::~App() { shutdown(); }

// The window's icon from the shipped PNGs (assets/icons); the desktop entry uses the same drawing.
static void setWindowIcon(GLFWwindow* window, const std::filesystem::path& assetDir) {
  std::vector<cv::Mat> rgba;
  for (int size : {32, 64, 256}) {
    cv::Mat bgra = cv::imread((assetDir / "icons" / ("medpics-desk-" + std::to_string(size) + ".png")).string(),
                              cv::IMREAD_UNCHANGED);
    if (bgra.empty() || bgra.channels() != 4) continue;
    cv::cvtColor(bgra, rgba.emplace_back(), cv::COLOR_BGRA2RGBA);
  }
  if (rgba.empty()) return log::warn("window icon: no PNG in " + (assetDir / "icons").string());
  std::vector<GLFWimage> images;
  for (auto& m : rgba) images.push_back({m.cols, m.rows, m.data});
  glfwSetWindowIcon(window, static_cast<int>(images.size()), images.data());
}

bool App::init(const AppOptions& options) {
  options_ = options;
  glfwSetErrorCallback([](int code, const char* text) { log::error("GLFW " + std::to_string(code) + ": " + text); });
  if (!glfwInit()) {
    std::fprintf(stderr, "medpics-desk: cannot initialise GLFW (is a display available?)\n");
    return false;
  }
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  window_ = glfwCreateWindow(options.width, options.height, options.title.c_str(), nullptr, nullptr);
  if (!window_) {
    std::fprintf(stderr, "medpics-desk: cannot create an OpenGL 3.3 core window\n");
    return false;
  }
  setWindowIcon(window_, options.assetDir);
  glfwMakeContextCurrent(window_);
  glfwSwapInterval(1);
  if (!gladLoadGL(glfwGetProcAddress)) {
    std::fprintf(stderr, "medpics-desk: cannot load OpenGL functions\n");
    return false;
  }
  GLint maxTexture = 0;
  glGetIntegerv(GL_MAX_TEXTURE_SIZE, &maxTexture);
  setMaxTextureSize(maxTexture > 0 ? maxTexture : 4096);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  // Window layout (side windows' positions and sizes) next to the settings, never in the working directory.
  layoutPath_ = Settings::layoutPath(options.desk.settingsPath).string();
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(layoutPath_).parent_path(), ec);
  io.IniFilename = layoutPath_.c_str();
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  ImGui_ImplGlfw_InitForOpenGL(window_, true);
  ImGui_ImplOpenGL3_Init("#version 330 core");
  imguiReady_ = true;

  ui_.setWake([] { glfwPostEmptyEvent(); });
  desk_ = std::make_unique<Desk>(ui_, options.desk);
  applyAppearance();
  setDeskView(&view_);
  maskPreview_ = std::make_unique<gl::MaskPreview>();
  if (maskPreview_->init(options.shaderDir)) {
    view_.maskPreview = maskPreview_.get();
  } else {
    view_.shaderError = maskPreview_->error();  // shown in the post view; the editor still works without it
    log::error("masking preview disabled: " + maskPreview_->error());
  }
  return true;
}

bool App::frame() {
  if (glfwWindowShouldClose(window_)) return false;
  // Frames are drawn when something changed: input and finished jobs wake the loop at once. With work in flight or
  // a notification on screen, progress and fading still need frames, at 20 per second: a frame not drawn is CPU
  // time left to the analysis (on a software renderer a frame costs as much as the detectors).
  const bool waiting = options_.waitForEvents && ui_.empty() && !preloading_;
  const bool animating = desk_->busy() || !desk_->notifications.empty();
  const double waitStart = glfwGetTime();
  if (waiting)
    glfwWaitEventsTimeout(animating ? 0.05 : 0.5);
  else
    glfwPollEvents();
  lastWaitMs_ = (glfwGetTime() - waitStart) * 1000.0;
  ui_.drain();
  desk_->tick(glfwGetTime());

  applyAppearance();
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  if (inputHook) inputHook(ImGui::GetIO());
  takeReservedKeys(ImGui::GetIO().KeysDown, IM_ARRAYSIZE(ImGui::GetIO().KeysDown));
  ImGui::NewFrame();
  UiProbe::instance().beginFrame();
  view_.collect();  // the GPU and view state of images that closed since the last frame
  constexpr std::size_t kPreloadBytesPerFrame = std::size_t{6} << 20;  // the next post's textures, uploaded ahead
  preloading_ = view_.images.preload(desk_->nextPostDisplays(), kPreloadBytesPerFrame);
  drawDesk(*desk_, window_);
  UiProbe::instance().endFrame();
  ImGui::Render();
  render();
  glfwSwapBuffers(window_);
  return !glfwWindowShouldClose(window_);
}

int App::run() {
  while (frame()) {}
  return 0;
}

void App::applyAppearance() {
  float contentScale = 1.0f, unused = 1.0f;
  glfwGetWindowContentScale(window_, &contentScale, &unused);
  const float scale = std::clamp(desk_->settings.uiScale, 0.5f, 3.0f) * std::max(contentScale, 0.5f);
  if (scale == appliedScale_ && desk_->settings.highContrast == appliedContrast_) return;
  ImGuiIO& io = ImGui::GetIO();
  if (scale != appliedScale_) {
    if (appliedScale_ > 0) ImGui_ImplOpenGL3_DestroyFontsTexture();
    io.Fonts->Clear();
    loadFonts(io, scale);
    if (appliedScale_ > 0) ImGui_ImplOpenGL3_CreateFontsTexture();
  }
  applyTheme(desk_->settings.highContrast, scale);
  appliedScale_ = scale;
  appliedContrast_ = desk_->settings.highContrast;
}

void App::render() {
  int width = 0, height = 0;
  glfwGetFramebufferSize(window_, &width, &height);
  glViewport(0, 0, width, height);
  glClearColor(0.08f, 0.09f, 0.10f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

bool App::screenshot(const std::string& path) {
  if (!ImGui::GetDrawData()) frame();  // nothing rendered yet
  // Re-render the last frame's draw data into the back buffer, then read it back before any swap.
  render();
  glFinish();
  int width = 0, height = 0;
  glfwGetFramebufferSize(window_, &width, &height);
  std::vector<unsigned char> pixels(static_cast<size_t>(width) * height * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadBuffer(GL_BACK);
  glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
  cv::Mat rgba(height, width, CV_8UC4, pixels.data()), bgr;
  cv::cvtColor(rgba, bgr, cv::COLOR_RGBA2BGR);
  cv::flip(bgr, bgr, 0);  // GL row 0 is the bottom
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
  return cv::imwrite(path, bgr);
}

void App::shutdown() {
  if (desk_ && window_) {  // the window size for the next start
    glfwGetWindowSize(window_, &desk_->settings.windowWidth, &desk_->settings.windowHeight);
    desk_->saveSettings();
  }
  if (window_) glfwHideWindow(window_);  // the desk's bounded exit work (lease release, outbox) happens unseen
  desk_.reset();                         // joins workers while the GL context still exists
  view_.images.clear();                  // the images' textures die here
  view_.maskPreview = nullptr;
  maskPreview_.reset();
  if (imguiReady_) {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    imguiReady_ = false;
  }
  if (window_) {
    glfwDestroyWindow(window_);
    window_ = nullptr;
    glfwTerminate();
  }
}

}  // namespace medpics::desk
