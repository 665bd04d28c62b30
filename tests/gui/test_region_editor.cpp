// GUI tests of the region editor: draw a rectangle with the mouse, nudge, resize, undo, redo — exact pixels.
#include "desk_driver.hpp"
#include "support/temp_dir.hpp"
#include "ui_probe.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <catch2/catch.hpp>
#include <opencv2/imgcodecs.hpp>

using namespace medpics;

namespace {
// Opens a synthetic post image in the desk as a download would, at 1:1 zoom.
desk::LoadedImage& openImage(test::DeskDriver& driver, cv::Size size) {
  auto bgr = std::make_shared<cv::Mat>(size, CV_8UC3);
  cv::randu(*bgr, 0, 255);
  auto& image = driver.openPostImage(bgr);
  image.maskSeed = 7;
  driver.frames(3);
  const auto canvas = desk::UiProbe::instance().rect("canvas.post");
  REQUIRE(canvas.has_value());
  image.view.oneToOne({canvas->x + canvas->z / 2, canvas->y + canvas->w / 2});
  image.view.centreOn({size.width / 2.0, size.height / 2.0});
  driver.frames(2);
  return image;
}

ImVec2 at(const desk::LoadedImage& image, double x, double y) {
  const auto s = image.view.toScreen({x, y});
  return ImVec2(static_cast<float>(s.x), static_cast<float>(s.y));
}
}  // namespace

TEST_CASE("draw a rectangle, nudge it by 1 px, resize it, undo and redo, with exact integer coordinates") {
  test::TempDir dir;
  desk::AppOptions options;
  options.desk.settingsPath = dir.path() / "settings.json";
  test::DeskDriver driver(options);
  auto& image = openImage(driver, {600, 400});
  REQUIRE(image.view.zoom() == 1.0);

  driver.press(GLFW_KEY_M);  // rectangle tool
  REQUIRE(driver.desk().post->editor.tool == desk::Tool::Rect);
  // Drag from the centre of pixel (100, 80) to the centre of pixel (219, 139): a 120 × 60 box.
  const ImVec2 a = at(image, 100.5, 80.5), b = at(image, 219.5, 139.5);
  driver.drag(a.x, a.y, b.x, b.y);
  auto& doc = image.regions;
  REQUIRE(doc.items().size() == 1);
  const int id = doc.items()[0].id;
  CHECK(doc.find(id)->region.box == cv::Rect(100, 80, 120, 60));
  CHECK(doc.selection().count(id) == 1);

  driver.press(GLFW_KEY_V);  // select tool; the new region stays selected
  driver.press(GLFW_KEY_RIGHT);
  CHECK(doc.find(id)->region.box == cv::Rect(101, 80, 120, 60));
  driver.press(GLFW_KEY_DOWN, false, true);  // Shift: 10 px
  CHECK(doc.find(id)->region.box == cv::Rect(101, 90, 120, 60));
  driver.press(GLFW_KEY_RIGHT, true);  // Ctrl: resize by 1 px
  CHECK(doc.find(id)->region.box == cv::Rect(101, 90, 121, 60));

  // Resize with the bottom-right handle by (+15, +5) pixels.
  const ImVec2 corner = at(image, 101 + 121, 90 + 60);
  driver.drag(corner.x, corner.y, corner.x + 15, corner.y + 5);
  CHECK(doc.find(id)->region.box == cv::Rect(101, 90, 136, 65));
  driver.screenshot("editor-rectangle");

  driver.press(GLFW_KEY_Z, true);
  CHECK(doc.find(id)->region.box == cv::Rect(101, 90, 121, 60));
  driver.press(GLFW_KEY_Z, true);
  driver.press(GLFW_KEY_Z, true);
  CHECK(doc.find(id)->region.box == cv::Rect(101, 80, 120, 60));
  driver.press(GLFW_KEY_Z, true);
  CHECK(doc.find(id)->region.box == cv::Rect(100, 80, 120, 60));
  driver.press(GLFW_KEY_Z, true);
  CHECK(doc.items().empty());
  driver.press(GLFW_KEY_Y, true);
  driver.press(GLFW_KEY_Y, true);
  REQUIRE(doc.items().size() == 1);
  CHECK(doc.find(id)->region.box == cv::Rect(101, 80, 120, 60));
  for (int i = 0; i < 3; ++i) driver.press(GLFW_KEY_Y, true);
  CHECK(doc.find(id)->region.box == cv::Rect(101, 90, 136, 65));

  // The preview masks it: the canvas shows black where the region is.
  driver.frames(2);
  const cv::Mat shot = cv::imread(driver.screenshot("editor-preview"));
  const ImVec2 inside = at(image, 150, 120);
  CHECK(shot.at<cv::Vec3b>(int(inside.y), int(inside.x)) == cv::Vec3b(0, 0, 0));
  driver.desk().post.reset();
  driver.frames(1);
}

TEST_CASE("Tab walks through every region and centres it, Delete dismisses a finding, D restores it") {
  test::TempDir dir;
  desk::AppOptions options;
  options.desk.settingsPath = dir.path() / "settings.json";
  test::DeskDriver driver(options);
  auto& image = openImage(driver, {1200, 900});
  mask::Region finding;
  finding.box = {1000, 700, 80, 30};
  finding.origin = mask::Origin::Auto;
  finding.kind = "text";
  finding.category = "name";
  mask::Region face;
  face.box = {50, 40, 100, 120};
  face.origin = mask::Origin::Auto;
  face.kind = "face";
  image.regions.addMany({finding, face});
  driver.frames(1);

  driver.press(GLFW_KEY_TAB);
  const int first = *image.regions.selection().begin();
  CHECK(image.regions.find(first)->region.kind == "face");  // reading order: top first
  const auto centre = image.view.toImage({image.view.viewportOrigin().x + image.view.viewportSize().x / 2,
                                          image.view.viewportOrigin().y + image.view.viewportSize().y / 2});
  CHECK(std::abs(centre.x - 100) < 1.5);
  CHECK(std::abs(centre.y - 100) < 1.5);
  driver.press(GLFW_KEY_TAB);
  const int second = *image.regions.selection().begin();
  CHECK(image.regions.find(second)->region.category == "name");
  driver.press(GLFW_KEY_DELETE);
  CHECK(image.regions.find(second)->region.state == mask::State::Dismissed);  // kept, as a dismissal
  driver.frames(2);
  driver.screenshot("editor-dismissed");
  driver.press(GLFW_KEY_D);
  CHECK(image.regions.find(second)->region.state == mask::State::Accepted);
  driver.desk().post.reset();
  driver.frames(1);
}
