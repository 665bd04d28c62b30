// The user guide's screenshots at laptop and desktop sizes, from the real desk on the demo data: the post view and
// the final review, in French and in English (scripts/update-doc-screenshots.sh copies them into docs/images).
#include "desk_driver.hpp"
#include "support/server_process.hpp"
#include "support/temp_dir.hpp"
#include "ui_probe.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <catch2/catch.hpp>

#include <string>

using namespace medpics;

namespace {
struct Screen {
  int width, height;
  const char* language;
};
}  // namespace

TEST_CASE("user guide screenshots: post view and final review at 1366x768 and 1920x1080") {
  for (const Screen screen : {Screen{1366, 768, "fr"}, Screen{1920, 1080, "fr"}, Screen{1366, 768, "en"}}) {
    const std::string name = std::to_string(screen.width) + "-" + screen.language;
    INFO("screen " << name);
    test::TempDir dir;
    test::ServerProcess server(dir.path() / "platform", {"--demo"});
    desk::AppOptions options;
    options.desk.serverUrl = server.url();
    options.desk.settingsPath = dir.path() / "settings.json";
    options.desk.language = screen.language;
    options.width = screen.width;
    options.height = screen.height;
    test::DeskDriver driver(options);
    desk::Desk& d = driver.desk();
    REQUIRE(driver.waitUntil([] { return desk::UiProbe::instance().rect("login.submit").has_value(); }, 10));
    driver.frames(2);
    driver.type("modo");
    driver.press(GLFW_KEY_TAB);
    driver.type("modo-demo");
    driver.press(GLFW_KEY_ENTER);
    REQUIRE(driver.waitUntil([&] { return d.session && !d.posts.empty(); }));
    driver.press(GLFW_KEY_J);  // the first post: the demo radiograph
    REQUIRE(driver.waitUntil([&] { return test::firstImageAnalysed(d); }, 180));
    driver.moveTo(5, 5);  // no hover tooltip in the picture
    driver.frames(4);
    driver.screenshot("guide-" + name + "-post-view");
    driver.press(GLFW_KEY_A);
    REQUIRE(desk::editorOf(d).finalReview);
    driver.frames(4);
    driver.screenshot("guide-" + name + "-final-review");
    // Every screen of the set shows the image on at least 60 % of the width.
    const auto canvas = desk::UiProbe::instance().rect("canvas.post");
    REQUIRE(canvas.has_value());
    CHECK(canvas->z >= 0.6f * float(screen.width));
  }
}
