// GUI tests of the region editor: draw, nudge, resize, undo, redo (exact pixels); Tab, click-to-list, Space; notices.
#include "desk_driver.hpp"
#include "i18n.hpp"
#include "support/temp_dir.hpp"
#include "ui_probe.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <catch2/catch.hpp>
#include <opencv2/imgcodecs.hpp>

#include <chrono>

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
  auto& transform = desk::viewOf(image).transform;
  transform.oneToOne({canvas->x + canvas->z / 2, canvas->y + canvas->w / 2});
  transform.centreOn({size.width / 2.0, size.height / 2.0});
  driver.frames(2);
  return image;
}

ImVec2 at(const desk::LoadedImage& image, double x, double y) {
  const auto s = desk::viewOf(image).transform.toScreen({x, y});
  return ImVec2(static_cast<float>(s.x), static_cast<float>(s.y));
}
}  // namespace

TEST_CASE("draw a rectangle, nudge it by 1 px, resize it, undo and redo, with exact integer coordinates") {
  test::TempDir dir;
  test::DeskDriver driver(test::localDesk(dir.path()));
  auto& image = openImage(driver, {600, 400});
  REQUIRE(desk::viewOf(image).transform.zoom() == 1.0);

  driver.press(GLFW_KEY_M);  // rectangle tool
  REQUIRE(desk::editorOf(driver.desk()).tool == desk::Tool::Rect);
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
  test::DeskDriver driver(test::localDesk(dir.path()));
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
  const auto& transform = desk::viewOf(image).transform;
  const auto centre = transform.toImage({transform.viewportOrigin().x + transform.viewportSize().x / 2,
                                         transform.viewportOrigin().y + transform.viewportSize().y / 2});
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

namespace {
// Regions at scattered places, added out of reading order (the list and Tab follow reading order).
void addScattered(desk::LoadedImage& image, int count) {
  std::vector<mask::Region> regions;
  for (int i = 0; i < count; ++i) {
    mask::Region r;
    const int row = (i * 7 + 3) % count;  // out of order
    r.box = {40 + (i % 5) * 200, 30 + row * 20, 60, 14};
    r.origin = mask::Origin::Auto;
    r.kind = "text";
    r.category = "other-text";
    r.text = "ligne " + std::to_string(row);
    regions.push_back(r);
  }
  image.regions.addMany(regions);
}
}  // namespace

TEST_CASE("the first Tab selects the first region in reading order, which is the first row of the list") {
  test::TempDir dir;
  test::DeskDriver driver(test::localDesk(dir.path()));
  auto& image = openImage(driver, {1200, 900});
  addScattered(image, 12);
  driver.frames(2);
  const auto order = image.regions.readingOrder();
  REQUIRE(order.front() != image.regions.items().front().id);  // inserted out of reading order
  driver.press(GLFW_KEY_TAB);
  REQUIRE(image.regions.selection().size() == 1);
  CHECK(*image.regions.selection().begin() == order.front());
  // Clicking the first row of the list selects the same region: the list is in the order of Tab.
  image.regions.clearSelection();
  driver.frames(1);
  REQUIRE(driver.click("editor.region.0"));
  CHECK(*image.regions.selection().begin() == order.front());
  driver.desk().post.reset();
  driver.frames(1);
}

TEST_CASE("clicking a region on the image selects it and scrolls the list to it") {
  test::TempDir dir;
  test::DeskDriver driver(test::localDesk(dir.path(), 1366, 768));
  auto& image = openImage(driver, {1200, 900});
  addScattered(image, 40);  // more rows than the list shows
  desk::viewOf(image).transform.fit();
  driver.frames(3);
  const auto order = image.regions.readingOrder();
  const int last = order.back();
  const int lastRow = static_cast<int>(order.size()) - 1;
  const auto list = desk::UiProbe::instance().rect("editor.region_list");
  REQUIRE(list);
  auto rowVisible = [&](int row) {
    const auto r = desk::UiProbe::instance().rect("editor.region." + std::to_string(row));
    return r && r->y >= list->y && r->y + r->w <= list->y + list->w;
  };
  REQUIRE_FALSE(rowVisible(lastRow));  // at the bottom of a list that does not show it
  const cv::Rect b = image.regions.find(last)->region.bounds();
  const ImVec2 p = at(image, b.x + b.width / 2.0, b.y + b.height / 2.0);
  driver.clickAt(p.x, p.y);
  driver.frames(3);
  REQUIRE(image.regions.selection().size() == 1);
  CHECK(*image.regions.selection().begin() == last);
  CHECK(rowVisible(lastRow));
  driver.screenshot("editor-click-to-list-1366");
  driver.desk().post.reset();
  driver.frames(1);
}

TEST_CASE("holding Space shows the original and does not activate the focused list entry") {
  test::TempDir dir;
  test::DeskDriver driver(test::localDesk(dir.path()));
  auto& image = openImage(driver, {1200, 900});
  addScattered(image, 6);
  driver.frames(2);
  // The moderator clicks a row of the list (it takes the keyboard focus and zooms to its region), nudges the
  // region with the arrow keys (ImGui's keyboard navigation moves its focus along the list too), then zooms out
  // to the whole image.
  REQUIRE(driver.click("editor.region.2"));
  const int tabbed = *image.regions.selection().begin();
  driver.press(GLFW_KEY_DOWN);
  driver.press(GLFW_KEY_UP);
  REQUIRE(*image.regions.selection().begin() == tabbed);
  auto& transform = desk::viewOf(image).transform;
  transform.fit();
  driver.frames(2);
  const double zoom = transform.zoom();
  const auto offset = transform.offset();
  // Holding Space for a while: the original is shown, nothing else changes.
  driver.app().inputHook = [previous = driver.app().inputHook](ImGuiIO& io) {
    previous(io);
    io.KeysDown[GLFW_KEY_SPACE] = true;
  };
  for (int i = 0; i < 30; ++i) {
    driver.frames(1);
    CHECK(desk::editorOf(driver.desk()).showOriginal);
  }
  CHECK(*image.regions.selection().begin() == tabbed);
  CHECK(transform.zoom() == zoom);
  CHECK(transform.offset().x == offset.x);
  CHECK(transform.offset().y == offset.y);
  driver.app().inputHook = [previous = driver.app().inputHook](ImGuiIO& io) {
    previous(io);
    io.KeysDown[GLFW_KEY_SPACE] = false;
  };
  driver.frames(2);
  CHECK_FALSE(desk::editorOf(driver.desk()).showOriginal);
  driver.desk().post.reset();
  driver.frames(1);
}

TEST_CASE("notices: success ones hide after a few seconds, an item's go when another opens, none covers the image") {
  test::TempDir dir;
  test::DeskDriver driver(test::localDesk(dir.path(), 1366, 768));
  openImage(driver, {1200, 900});
  desk::Desk& d = driver.desk();
  d.notify(false, desk::tr("status.decided"));
  d.notifyItem(true, desk::tr("residual.blocked"));
  d.notify(true, desk::tr("outbox.unavailable"));  // about the session, not the item
  driver.frames(3);
  auto apartFromCanvas = [] {
    const auto toasts = desk::UiProbe::instance().rect("notifications");
    const auto canvas = desk::UiProbe::instance().rect("canvas.post");
    REQUIRE(toasts);
    REQUIRE(canvas);
    return toasts->x + toasts->z <= canvas->x || canvas->x + canvas->z <= toasts->x ||
           toasts->y + toasts->w <= canvas->y || canvas->y + canvas->w <= toasts->y;
  };
  CHECK(apartFromCanvas());
  driver.screenshot("notices-1366");
  driver.press(GLFW_KEY_F7);  // the queue folded: the notices move over the regions panel
  driver.frames(2);
  CHECK(apartFromCanvas());
  driver.press(GLFW_KEY_F7);
  driver.frames(2);
  const auto shown = std::chrono::steady_clock::now();
  INFO("notices: " << [&] {
    std::string all;
    for (const auto& n : d.notifications) all += n.text + " | ";
    return all;
  }());
  REQUIRE(driver.waitUntil([&] { return d.notifications.size() == 2; }, 10));
  CHECK(std::chrono::steady_clock::now() - shown < std::chrono::seconds(6));
  CHECK(d.notifications.front().error);
  // Another item opens: the old item's notice goes, the session's stays.
  auto other = std::make_shared<cv::Mat>(cv::Size(300, 200), CV_8UC3, cv::Scalar(90, 90, 90));
  driver.openPostImage(other);
  d.post->detail.id = "p-other";
  driver.frames(2);
  REQUIRE(d.notifications.size() == 1);
  CHECK(d.notifications.front().text == desk::tr("outbox.unavailable"));
  d.post.reset();
  driver.frames(1);
}

TEST_CASE("the editor state is the view's: fresh for each opening of a post, new regions in the moderator's style") {
  test::TempDir dir;
  test::DeskDriver driver(test::localDesk(dir.path()));
  driver.desk().settings.maskStyles["manual"] = "mosaic";
  auto& image = openImage(driver, {400, 300});
  desk::EditorState& editor = desk::editorOf(driver.desk());
  CHECK(editor.newStyle == mask::Style::Mosaic);
  driver.press(GLFW_KEY_M);  // rectangle tool
  REQUIRE(editor.tool == desk::Tool::Rect);
  const ImVec2 a = at(image, 40.5, 30.5), b = at(image, 99.5, 79.5);
  driver.drag(a.x, a.y, b.x, b.y);
  REQUIRE(image.regions.items().size() == 1);
  CHECK(image.regions.items()[0].region.style == mask::Style::Mosaic);

  // A residual objection, counted by the controller, leaves the final review; the tool stays.
  editor.finalReview = true;
  ++driver.desk().post->objections;
  CHECK_FALSE(desk::editorOf(driver.desk()).finalReview);
  CHECK(desk::editorOf(driver.desk()).tool == desk::Tool::Rect);
  driver.frames(2);

  // The same post opened again is a new opening: the editor starts over (select tool), in the style set now.
  driver.desk().settings.maskStyles["manual"] = "blur";
  driver.desk().post.reset();
  openImage(driver, {400, 300});
  CHECK(desk::editorOf(driver.desk()).tool == desk::Tool::Select);
  CHECK(desk::editorOf(driver.desk()).newStyle == mask::Style::Blur);
  driver.desk().post.reset();
  driver.frames(1);
}
