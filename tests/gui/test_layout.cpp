// GUI tests of the desk's layout at laptop sizes: the image keeps 60 % of the width, side panels fold and resize,
// and the fitted image is not under the status line.
#include "desk_driver.hpp"
#include "support/temp_dir.hpp"
#include "ui_probe.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <catch2/catch.hpp>

using namespace medpics;

namespace {
std::shared_ptr<cv::Mat> grey(int width, int height) {
  return std::make_shared<cv::Mat>(height, width, CV_8UC3, cv::Scalar(128, 128, 128));
}

float canvasWidth() {
  const auto canvas = desk::UiProbe::instance().rect("canvas.post");
  REQUIRE(canvas.has_value());
  return canvas->z;
}
}  // namespace

TEST_CASE("at laptop sizes the image keeps at least 60 % of the window width") {
  for (const auto [width, height] : {std::pair{1280, 720}, std::pair{1366, 768}, std::pair{800, 500}}) {
    INFO("window " << width << " × " << height);
    test::TempDir dir;
    test::DeskDriver driver(test::localDesk(dir.path(), width, height));
    driver.openPostImage(grey(1600, 1200));
    driver.frames(3);
    driver.screenshot("layout-" + std::to_string(width) + "x" + std::to_string(height));
    CHECK(canvasWidth() >= 0.6f * float(width));
    // The queue folds by itself only when the window is too narrow for both panels.
    CHECK(desk::deskView().panels.sides.queueCollapsed == (width < 1000));
    // Fitted, the whole image is above the status line (24 px at the canvas's bottom).
    const auto& view = desk::viewOf(driver.desk().post->images[0]).transform;
    const auto canvas = *desk::UiProbe::instance().rect("canvas.post");
    CHECK(view.toScreen({0, 1200}).y <= canvas.y + canvas.w - 24 + 0.5);
    driver.desk().post.reset();
    driver.frames(1);
  }
}

TEST_CASE("side panels fold with F7 / F8 and resize by their bar, and the image takes the room") {
  test::TempDir dir;
  test::DeskDriver driver(test::localDesk(dir.path(), 1366, 768));
  driver.openPostImage(grey(1600, 1200));
  driver.frames(3);
  const float open = canvasWidth();
  driver.press(GLFW_KEY_F8);  // the regions panel folds into a strip
  driver.frames(2);
  CHECK(desk::deskView().panels.sides.sideCollapsed);
  const float sideFolded = canvasWidth();
  CHECK(sideFolded > open + 150);
  driver.press(GLFW_KEY_F7);  // then the queue
  driver.frames(2);
  CHECK(canvasWidth() > sideFolded + 150);
  driver.screenshot("layout-folded");
  REQUIRE(driver.click("##queue-folded"));  // the strip's button shows it again
  driver.frames(2);
  CHECK_FALSE(desk::deskView().panels.sides.queueCollapsed);
  driver.press(GLFW_KEY_F8);
  driver.frames(2);
  CHECK(canvasWidth() == Approx(open).margin(1));
  // Dragging the bar between the queue and the post narrows the queue; the setting is kept.
  const auto bar = desk::UiProbe::instance().rect("panel.queue.splitter");
  REQUIRE(bar.has_value());
  const float x = bar->x + bar->z / 2, y = bar->y + bar->w / 2;
  driver.drag(x, y, x - 40, y);
  driver.frames(2);
  CHECK(canvasWidth() == Approx(open + 40).margin(4));
  CHECK(driver.desk().settings.queuePanelWidth > 0);
  driver.desk().post.reset();
  driver.frames(1);
}
