// DeskDriver implementation: input state applied in App::inputHook, after the GLFW backend's own update.
#include "desk_driver.hpp"

#include "ui_probe.hpp"

#include <imgui.h>

#include <chrono>
#include <stdexcept>

namespace medpics::test {

DeskDriver::DeskDriver(desk::AppOptions options) {
  options.waitForEvents = false;
  if (!app_.init(options)) throw std::runtime_error("the desk window could not be created (DISPLAY?)");
  app_.inputHook = [this](ImGuiIO& io) {
    io.MousePos = ImVec2(mouseX_, mouseY_);
    io.MouseDown[0] = mouseDown_;
    io.MouseWheel += wheel_;
    wheel_ = 0;
    for (int k = 0; k < 512; ++k) io.KeysDown[k] = keysDown_.count(k) > 0;
    io.KeyCtrl = ctrl_;
    io.KeyShift = shift_;
    for (char32_t c : chars_) io.AddInputCharacter(static_cast<unsigned>(c));
    chars_.clear();
  };
}

void DeskDriver::frames(int count) {
  for (int i = 0; i < count; ++i) app_.frame();
}

bool DeskDriver::waitUntil(const std::function<bool()>& pred, double timeoutSeconds) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeoutSeconds);
  bool met = false;
  while (!met && std::chrono::steady_clock::now() < deadline) {
    // With background work in flight the desk paces its frames as in use (20 per second, woken at once by a
    // finished job): back-to-back frames on the software renderer would take the CPU the work needs.
    app_.setWaitForEvents(desk().busy());
    app_.frame();
    met = pred();
  }
  app_.setWaitForEvents(false);  // frames(n) and input stay back to back
  return met;
}

void DeskDriver::clickAt(float x, float y) {
  mouseX_ = x;
  mouseY_ = y;
  frames(2);  // hover first, as a real pointer would
  mouseDown_ = true;
  frames(1);
  mouseDown_ = false;
  frames(2);
}

void DeskDriver::moveTo(float x, float y) {
  mouseX_ = x;
  mouseY_ = y;
  frames(2);
}

bool DeskDriver::scrollIntoView(const std::string& widget, const std::string& list) {
  const auto& probe = desk::UiProbe::instance();
  for (int turn = 0; turn < 60; ++turn) {
    const auto item = probe.rect(widget), area = probe.rect(list);
    if (!item || !area) return false;
    if (item->y >= area->y && item->y + item->w <= area->y + area->w) return true;
    moveTo(area->x + area->z / 2, area->y + area->w / 2);
    wheel_ = item->y < area->y ? 1.f : -1.f;  // up when the item is above the visible part
    frames(2);
  }
  return false;
}

bool DeskDriver::click(const std::string& widget) {
  auto r = desk::UiProbe::instance().rect(widget);
  if (!r) return false;
  clickAt(r->x + r->z / 2, r->y + r->w / 2);
  return true;
}

void DeskDriver::type(const std::string& utf8) {
  for (size_t i = 0; i < utf8.size();) {
    unsigned char c = static_cast<unsigned char>(utf8[i]);
    char32_t cp = c;
    int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
    if (extra) cp = c & (0x3F >> extra);
    for (int k = 1; k <= extra && i + k < utf8.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
    chars_.push_back(cp);
    i += 1 + extra;
    frames(1);
  }
}

void DeskDriver::drag(float x0, float y0, float x1, float y1, int steps) {
  mouseX_ = x0;
  mouseY_ = y0;
  frames(2);
  mouseDown_ = true;
  frames(1);
  for (int i = 1; i <= steps; ++i) {
    mouseX_ = x0 + (x1 - x0) * i / steps;
    mouseY_ = y0 + (y1 - y0) * i / steps;
    frames(1);
  }
  mouseDown_ = false;
  frames(2);
}

void DeskDriver::press(int glfwKey, bool ctrl, bool shift) {
  ctrl_ = ctrl;
  shift_ = shift;
  keysDown_.insert(glfwKey);
  frames(1);
  keysDown_.erase(glfwKey);
  frames(1);
  ctrl_ = false;
  shift_ = false;
  frames(1);
}

bool firstImageAnalysed(const desk::Desk& d) {
  return d.post && !d.post->images.empty() && d.post->images[0].analysis != desk::LoadedImage::Analysis::Pending &&
         !d.post->state.content().captionPending;
}

desk::AppOptions localDesk(const std::filesystem::path& dir, int width, int height) {
  desk::AppOptions options;
  options.desk.settingsPath = dir / "settings.json";
  options.width = width;
  options.height = height;
  return options;
}

desk::LoadedImage& DeskDriver::openPostImage(std::shared_ptr<cv::Mat> bgr) {
  desk().session = api::Session{"t", "", api::User{"u", "modo", "Test", {"moderator"}}};
  auto& post = desk().post.emplace();
  post.detail.id = "p-test";
  api::ImageRef ref;
  ref.id = "i-test";
  post.images.emplace_back(ref);
  auto& image = post.images.back();
  image.show(bgr, desk::makeTiles(*bgr, 16384));
  return image;
}

std::string DeskDriver::screenshot(const std::string& name) {
  const std::string path = std::string(MEDPICS_ARTIFACT_DIR) + "/" + name + ".png";
  if (!app_.screenshot(path)) throw std::runtime_error("cannot write " + path);
  return path;
}

}  // namespace medpics::test
