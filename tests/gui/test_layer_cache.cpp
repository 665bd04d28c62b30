// The cached canvas layer (image + preview + outlines) shows the same pixels as drawing it directly, and is drawn
// again once the view, the regions or the preview state have changed (directly while they change).
#include "desk_driver.hpp"
#include "views/desk_view.hpp"
#include "support/temp_dir.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <catch2/catch.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>

using namespace medpics;

namespace {
struct CacheSwitch {  // restores the default whatever the test outcome
  ~CacheSwitch() { desk::gl::LayerCache::enabled = true; }
};

desk::LoadedImage& openPostWithRegions(test::DeskDriver& driver) {
  auto bgr = std::make_shared<cv::Mat>(1200, 1700, CV_8UC3);
  cv::RNG(11).fill(*bgr, cv::RNG::UNIFORM, 0, 256);
  cv::GaussianBlur(*bgr, *bgr, cv::Size(0, 0), 4);
  auto& image = driver.openPostImage(bgr);
  std::vector<mask::Region> regions;
  const mask::Shape shapes[] = {mask::Shape::Rect, mask::Shape::Ellipse};
  for (int i = 0; i < 12; ++i) {
    mask::Region r;
    r.shape = shapes[i % 2];
    r.box = {60 + 130 * i, 80 + 70 * i, 120 + 10 * i, 60 + 5 * i};
    r.style = i % 3 == 0 ? mask::Style::Mosaic : mask::Style::Solid;
    r.origin = i % 4 == 0 ? mask::Origin::Manual : mask::Origin::Auto;
    r.kind = i % 2 ? "face" : "text";
    r.state = i == 5 ? mask::State::Dismissed : mask::State::Accepted;
    regions.push_back(r);
  }
  image.regions.addMany(regions);
  image.regions.select(image.regions.items()[3].id);  // handles drawn too
  return image;
}

// The desk's whole screen after a few frames, drawn with or without the layer cache.
cv::Mat screen(test::DeskDriver& driver, bool cached, const std::string& name) {
  desk::gl::LayerCache::enabled = cached;
  driver.frames(3);
  return cv::imread(driver.screenshot(name));
}

int differingPixels(const cv::Mat& a, const cv::Mat& b) {
  REQUIRE(a.size() == b.size());
  cv::Mat diff, any;
  cv::absdiff(a, b, diff);
  cv::transform(diff, any, cv::Matx13f(1, 1, 1));
  return cv::countNonZero(any);
}

// llvmpipe rasterises the window (rows stored top down) and a texture (bottom up) with slightly different
// fixed-point positions: a sub-pixel edge (anti-aliased outline, region edge when zoomed out) may land on the
// other side of a pixel centre. How many depends on where the edges fall: ~30 pixels of the 1600 × 900 screen
// with the old fixed side panels, up to ~1,400 with the laptop layout's (fit zoom 0.586, the image's bottom edge
// at 783.5, many outline edges near pixel centres). A stale layer differs by at least one region (here ≥ 2,400
// pixels) or the whole canvas. 1:1 on whole pixels has no sub-pixel edge and must be exact.
constexpr int kSubPixelEdgePixels = 1600;
}  // namespace

TEST_CASE("the cached canvas layer equals the directly drawn one pixel for pixel") {
  test::TempDir dir;
  desk::AppOptions options;
  options.desk.settingsPath = dir.path() / "settings.json";
  test::DeskDriver driver(options);
  REQUIRE(desk::deskView().maskPreview != nullptr);
  CacheSwitch restore;
  auto& image = openPostWithRegions(driver);
  auto& editor = desk::editorOf(driver.desk());
  driver.frames(3);
  REQUIRE(desk::gpu(image).layer);
  auto& transform = desk::viewOf(image).transform;  // the image's pan / zoom, held by the view

  SECTION("fitted, preview on") {
    CHECK(differingPixels(screen(driver, true, "layer-cached"), screen(driver, false, "layer-direct")) <=
          kSubPixelEdgePixels);
  }
  SECTION("at 1:1 and at 3x, off-centre") {
    transform.oneToOne({700, 400});
    CHECK(differingPixels(screen(driver, true, "layer-cached-1x"), screen(driver, false, "layer-direct-1x")) <=
          kSubPixelEdgePixels);
    transform.zoomStep(2, {640.3, 417.6});
    CHECK(transform.zoom() == 3.0);
    CHECK(differingPixels(screen(driver, true, "layer-cached-3x"), screen(driver, false, "layer-direct-3x")) <=
          kSubPixelEdgePixels);
  }
  SECTION("zoomed out, outlines only (no preview)") {
    editor.preview = false;
    transform.zoomAt(1 / 1.37, {500, 500});
    CHECK(differingPixels(screen(driver, true, "layer-cached-outlines"),
                          screen(driver, false, "layer-direct-outlines")) <= kSubPixelEdgePixels);
  }
  SECTION("final review (no outlines, the filmstrip under the canvas) at 1:1 on whole pixels: exactly equal") {
    editor.finalReview = true;
    editor.finalReviewFitted = driver.desk().post->currentImage;  // the view set here stays
    transform.oneToOne({700, 400});
    const auto offset = transform.offset();
    transform.pan({std::round(offset.x) - offset.x, std::round(offset.y) - offset.y});
    CHECK(transform.zoom() == 1.0);
    const cv::Mat cached = screen(driver, true, "layer-cached-final");
    const cv::Mat direct = screen(driver, false, "layer-direct-final");
    CHECK(differingPixels(cached, direct) == 0);
    CHECK(cv::norm(cached, direct, cv::NORM_INF) == 0);
  }
  driver.desk().post.reset();
  driver.frames(1);
}

TEST_CASE("the cached layer is drawn again after an edit, a pan or Space, and not on still frames") {
  test::TempDir dir;
  desk::AppOptions options;
  options.desk.settingsPath = dir.path() / "settings.json";
  test::DeskDriver driver(options);
  REQUIRE(desk::deskView().maskPreview != nullptr);
  auto& image = openPostWithRegions(driver);
  driver.frames(3);
  REQUIRE(desk::gpu(image).layer);
  auto& transform = desk::viewOf(image).transform;  // the image's pan / zoom, held by the view
  const auto renders = [&] { return desk::gpu(image).layer->renders(); };

  int before = renders();
  driver.frames(5);
  CHECK(renders() == before);  // nothing changed: the cached texture is shown

  // An edit (nudge of the selected region by the arrow key) invalidates it, and the new pixels are shown.
  const cv::Rect box = image.regions.items()[3].region.box;
  before = renders();
  driver.press(GLFW_KEY_RIGHT);
  CHECK(image.regions.items()[3].region.box.x == box.x + 1);
  CHECK(renders() > before);
  before = renders();
  driver.frames(4);
  CHECK(renders() == before);
  {
    CacheSwitch restore;
    const cv::Mat cached = cv::imread(driver.screenshot("layer-after-edit-cached"));
    CHECK(differingPixels(cached, screen(driver, false, "layer-after-edit-direct")) <= kSubPixelEdgePixels);
  }
  driver.frames(2);

  // A pan: drawn directly while it changes, into the cache once still.
  before = renders();
  transform.pan({13, -7});
  driver.frames(1);
  transform.pan({-4, 2});
  driver.frames(1);
  CHECK(renders() == before);
  driver.frames(1);
  CHECK(renders() == before + 1);
  driver.frames(3);
  CHECK(renders() == before + 1);

  // Holding Space shows the original: a solid region's pixel is no longer black, then black again.
  const auto& solid = image.regions.items()[1].region;  // an ellipse, solid style
  REQUIRE(solid.style == mask::Style::Solid);
  const auto centre = transform.toScreen({solid.box.x + solid.box.width / 2.0, solid.box.y + solid.box.height / 2.0});
  const auto pixelAtCentre = [&] {
    const cv::Mat shot = cv::imread(driver.screenshot("layer-space"));
    return shot.at<cv::Vec3b>(static_cast<int>(centre.y), static_cast<int>(centre.x));
  };
  CHECK(pixelAtCentre() == cv::Vec3b(0, 0, 0));
  before = renders();
  driver.app().inputHook = [previous = driver.app().inputHook](ImGuiIO& io) {
    previous(io);
    io.KeysDown[GLFW_KEY_SPACE] = true;
  };
  driver.frames(2);
  CHECK(renders() == before + 1);
  CHECK(pixelAtCentre() != cv::Vec3b(0, 0, 0));
  driver.desk().post.reset();
  driver.frames(1);
}
