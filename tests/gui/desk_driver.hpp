// Drives the real desk (GLFW window under Xvfb) like a user: mouse and keys injected through ImGui IO.
#pragma once
#include "app.hpp"

#include <filesystem>
#include <functional>
#include <set>
#include <string>

namespace medpics::test {

// A post is open, its first image analysed and its caption checked (what a screenshot of the post view waits for).
bool firstImageAnalysed(const desk::Desk& desk);

// A desk with no platform yet, its settings in `dir` (a test's temporary folder), in a window of that size.
desk::AppOptions localDesk(const std::filesystem::path& dir, int width = 1600, int height = 900);

class DeskDriver {
 public:
  explicit DeskDriver(desk::AppOptions options);
  desk::App& app() { return app_; }
  desk::Desk& desk() { return app_.desk(); }

  void frames(int count);
  // Runs frames until pred() holds (paced as in use while background work is in flight); false after timeoutSeconds.
  bool waitUntil(const std::function<bool()>& pred, double timeoutSeconds = 30);
  // Clicks the centre of a widget recorded by the UiProbe; false if the widget is not on screen.
  bool click(const std::string& widget);
  void clickAt(float x, float y);
  void moveTo(float x, float y);  // the pointer moves there (no button), then two frames
  // The pointer moves to `list` (a scrolling child recorded by the UiProbe) and turns the wheel until `widget` lies
  // whole inside it; false when either is not on screen or it never does.
  bool scrollIntoView(const std::string& widget, const std::string& list);
  void type(const std::string& utf8);
  void press(int glfwKey, bool ctrl = false, bool shift = false);
  // Left-button drag from (x0, y0) to (x1, y1) in screen pixels, in `steps` moves.
  void drag(float x0, float y0, float x1, float y1, int steps = 8);
  std::string screenshot(const std::string& name);  // writes MEDPICS_ARTIFACT_DIR/name.png, returns the path
  // Signs in a moderator session and opens a post showing `bgr` as a download would (analysis still pending).
  desk::LoadedImage& openPostImage(std::shared_ptr<cv::Mat> bgr);

 private:
  desk::App app_;
  float mouseX_ = 5, mouseY_ = 5;
  bool mouseDown_ = false;
  float wheel_ = 0;
  std::set<int> keysDown_;
  bool ctrl_ = false, shift_ = false;
  std::u32string chars_;
};

}  // namespace medpics::test
