// GUI test of the demo's post and registration screens at 1280×720, 1366×768 and 1920×1080: the decision buttons
// are inside the window and the image keeps at least 60 % of its width (screenshots: screen-<view>-<size>.png).
#include "desk_driver.hpp"
#include "support/server_process.hpp"
#include "support/temp_dir.hpp"
#include "ui_probe.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <catch2/catch.hpp>

#include <initializer_list>
#include <string>
#include <utility>

using namespace medpics;

namespace {
constexpr std::pair<int, int> kSizes[] = {{1280, 720}, {1366, 768}, {1920, 1080}};

// The window at that size, a few frames later (the layout follows the framebuffer).
void resize(test::DeskDriver& driver, int width, int height) {
  glfwSetWindowSize(driver.app().window(), width, height);
  REQUIRE(driver.waitUntil(
      [&] {
        int w = 0, h = 0;
        glfwGetFramebufferSize(driver.app().window(), &w, &h);
        return w == width && h == height;
      },
      5));
  driver.moveTo(5, 5);  // no hover tooltip in the picture
  driver.frames(4);
}

// A widget recorded this frame lies inside the window.
void checkInside(const std::string& widget, int width, int height) {
  const auto r = desk::UiProbe::instance().rect(widget);
  INFO(widget);
  REQUIRE(r.has_value());
  CHECK(r->x >= 0);
  CHECK(r->y >= 0);
  CHECK(r->x + r->z <= float(width));
  CHECK(r->y + r->w <= float(height));
}

void checkImageShare(const std::string& canvas, int width) {
  const auto r = desk::UiProbe::instance().rect(canvas);
  REQUIRE(r.has_value());
  INFO(canvas << ": " << r->z << " px of " << width);
  CHECK(r->z >= 0.6f * float(width));
}

// The open item at every size: its screenshot (screen-<view>-<size>.png), the image's share, the buttons inside.
void atEverySize(test::DeskDriver& driver, const std::string& view, const std::string& canvas,
                 std::initializer_list<const char*> buttons) {
  for (const auto& [width, height] : kSizes) {
    resize(driver, width, height);
    const std::string size = std::to_string(width) + "x" + std::to_string(height);
    driver.screenshot("screen-" + view + "-" + size);
    INFO(view << " view at " << size);
    checkImageShare(canvas, width);
    for (const char* button : buttons) checkInside(button, width, height);
  }
}
}  // namespace

TEST_CASE(
    "post and registration screens from 1280x720 to 1920x1080 keep their buttons inside and the image at 60 % or "
    "more") {
  test::TempDir dir;
  test::ServerProcess server(dir.path() / "platform", {"--demo"});
  desk::AppOptions options;
  options.desk.serverUrl = server.url();
  options.desk.settingsPath = dir.path() / "settings.json";
  options.desk.username = "admin";  // moderator and verifier
  options.desk.password = "admin-demo";
  options.width = 1920;
  options.height = 1080;
  test::DeskDriver driver(options);
  desk::Desk& d = driver.desk();
  REQUIRE(driver.waitUntil([&] { return d.session && !d.posts.empty(); }));
  if (d.tab != desk::Tab::Posts) driver.press(GLFW_KEY_F2);
  REQUIRE(driver.waitUntil([&] { return d.tab == desk::Tab::Posts && !d.posts.empty(); }));
  driver.press(GLFW_KEY_J);  // the first post
  REQUIRE(driver.waitUntil([&] { return test::firstImageAnalysed(d); }, 180));
  atEverySize(driver, "post", "canvas.post", {"post.approve", "post.reject"});

  driver.press(GLFW_KEY_F3);  // registrations
  REQUIRE(driver.waitUntil([&] { return d.tab == desk::Tab::Registrations && !d.registrations.empty(); }));
  REQUIRE(driver.click("queue.row.0"));
  REQUIRE(driver.waitUntil([&] { return d.registration && d.registration->checks; }, 90));
  atEverySize(driver, "registration", "canvas.document", {"reg.approve", "reg.reject", "reg.request_info"});
}
