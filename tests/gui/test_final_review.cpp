// GUI tests of the final review: the published image fitted, the 1:1 loupe (pointer and Tab, across the post's
// images), the filmstrip, the published caption and the optional "every mask checked" rule.
#include "desk_driver.hpp"
#include "support/temp_dir.hpp"
#include "ui_probe.hpp"
#include "views/final_review.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <catch2/catch.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

using namespace medpics;

namespace {
std::shared_ptr<cv::Mat> noise(int width, int height, int seed) {
  auto bgr = std::make_shared<cv::Mat>(height, width, CV_8UC3);
  cv::RNG(static_cast<std::uint64_t>(seed)).fill(*bgr, cv::RNG::UNIFORM, 60, 256);  // never near black
  return bgr;
}

mask::Region solid(cv::Rect box, mask::State state = mask::State::Accepted) {
  mask::Region r;
  r.box = box;
  r.kind = "text";
  r.state = state;
  return r;
}

// Near-black pixels inside a probed rectangle of a screenshot: a solid mask shown at 1:1 is black.
int blackPixels(const cv::Mat& shot, const ImVec4& rect) {
  const cv::Rect area(int(rect.x) + 2, int(rect.y) + 2, int(rect.z) - 4, int(rect.w) - 4);
  cv::Mat grey;
  cv::cvtColor(shot(area & cv::Rect({0, 0}, shot.size())), grey, cv::COLOR_BGR2GRAY);
  return cv::countNonZero(grey < 20);
}

// Opens a post of two images: on the first, two masks and a dismissed finding; on the second, one mask.
// The image's view (held by the view layer) shows it whole, fitted.
bool shownFitted(const desk::LoadedImage& image) {
  const auto& transform = desk::viewOf(image).transform;
  return transform.zoom() == Approx(transform.fitZoom());
}

desk::OpenPost& openTwoImagePost(test::DeskDriver& driver) {
  driver.openPostImage(noise(2400, 1600, 1));
  desk::OpenPost& post = *driver.desk().post;
  api::ImageRef ref;
  ref.id = "i-second";
  post.images.emplace_back(ref);
  auto second = noise(900, 1300, 2);
  post.images.back().show(second, desk::makeTiles(*second, 16384));
  post.images[0].regions.addMany(
      {solid({1900, 120, 300, 80}), solid({150, 1300, 260, 90}), solid({800, 700, 200, 60}, mask::State::Dismissed)});
  post.images[1].regions.addMany({solid({300, 900, 240, 100})});
  for (auto& image : post.images) image.analysis = desk::LoadedImage::Analysis::Done;
  post.detail.caption = "Plaie du genou chez M. Dupont, J5";
  post.captionSpans = {detect::TextSpan{23, 29, "name", 0.9f, "trigger-name"}};
  post.captionSpanMasked = {1};
  return post;
}
}  // namespace

TEST_CASE("the final review fits the published image and walks every mask in a 1:1 loupe, across the post's images") {
  test::TempDir dir;
  test::DeskDriver driver(test::localDesk(dir.path(), 1366, 768));
  desk::OpenPost& post = openTwoImagePost(driver);
  driver.desk().settings.requireMasksVisited = true;
  driver.frames(3);

  driver.press(GLFW_KEY_A);
  REQUIRE(desk::editorOf(driver.desk()).finalReview);
  driver.frames(3);
  const auto& probe = desk::UiProbe::instance();
  desk::LoadedImage& first = post.images[0];
  // The whole published image, fitted; both images in the filmstrip; the caption as published.
  CHECK(shownFitted(first));
  CHECK(probe.rect("final.film.0").has_value());
  CHECK(probe.rect("final.film.1").has_value());
  CHECK(probe.rect("final.caption").has_value());
  CHECK(desk::publishedCaption(post) == "Plaie du genou chez M. […], J5");
  // The loupe opens on the first mask in reading order (top right), which counts as checked; the dismissed
  // finding is not a mask.
  REQUIRE(probe.rect("final.loupe").has_value());
  CHECK(desk::maskVisits(post).total == 3);
  CHECK(desk::maskVisits(post).visited == 1);
  CHECK(desk::viewOf(first).visitedMasks.count(first.regions.readingOrder().front()) == 1);
  // At 1:1 the 300 × 80 solid mask fills that much of the loupe, black: the published pixels, not the original.
  cv::Mat shot = cv::imread(driver.screenshot("final-review-loupe"));
  CHECK(blackPixels(shot, *probe.rect("final.loupe")) >= 280 * 70);

  // With "every mask checked" required, A does not publish yet.
  driver.press(GLFW_KEY_A);
  driver.frames(2);
  CHECK(desk::editorOf(driver.desk()).finalReview);
  CHECK(driver.desk().decisionsQueued == 0);

  // Tab: the second mask of the first image (bottom left), then the mask of the second image, fitted in turn.
  driver.press(GLFW_KEY_TAB);
  driver.frames(2);
  CHECK(post.currentImage == 0);
  CHECK(desk::maskVisits(post).visited == 2);
  driver.press(GLFW_KEY_TAB);
  driver.frames(3);
  CHECK(post.currentImage == 1);
  CHECK(shownFitted(post.images[1]));
  CHECK(desk::maskVisits(post).visited == 3);
  CHECK(desk::maskVisits(post).complete());
  driver.screenshot("final-review-second-image");

  // The loupe follows the pointer when it moves over the canvas: at the image's top-left corner, no mask.
  const auto& view = desk::viewOf(post.images[1]).transform;
  const auto corner = view.toScreen({40, 40});
  driver.moveTo(static_cast<float>(corner.x), static_cast<float>(corner.y));
  driver.moveTo(static_cast<float>(corner.x) + 1, static_cast<float>(corner.y));
  REQUIRE(probe.rect("final.loupe").has_value());
  shot = cv::imread(driver.screenshot("final-review-pointer"));
  CHECK(blackPixels(shot, *probe.rect("final.loupe")) < 2000);  // the "1:1" label's dark backing only

  // Esc leaves the final review; a click on the filmstrip is only there during it.
  driver.press(GLFW_KEY_ESCAPE);
  driver.frames(2);
  CHECK_FALSE(desk::editorOf(driver.desk()).finalReview);
  CHECK_FALSE(probe.rect("final.film.0").has_value());
  driver.desk().post.reset();
  driver.frames(1);
}

TEST_CASE("a click on the filmstrip shows that image fitted") {
  test::TempDir dir;
  test::DeskDriver driver(test::localDesk(dir.path()));
  desk::OpenPost& post = openTwoImagePost(driver);
  driver.frames(3);
  driver.press(GLFW_KEY_A);
  REQUIRE(desk::editorOf(driver.desk()).finalReview);
  driver.frames(2);
  REQUIRE(driver.click("final.film.1"));
  driver.frames(2);
  CHECK(post.currentImage == 1);
  CHECK(shownFitted(post.images[1]));
  driver.desk().post.reset();
  driver.frames(1);
}
