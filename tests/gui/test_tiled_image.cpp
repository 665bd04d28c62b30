// Images larger than GL_MAX_TEXTURE_SIZE are shown through several textures (20000 × 12000 test).
#include "desk_driver.hpp"
#include "views/desk_view.hpp"
#include "support/temp_dir.hpp"
#include "ui_probe.hpp"

#include <glad/gl.h>

#include <catch2/catch.hpp>
#include <opencv2/imgcodecs.hpp>

using namespace medpics;

TEST_CASE("a 20000 x 12000 image is tiled under the texture limit and drawn whole") {
  test::TempDir dir;
  test::DeskDriver driver(test::localDesk(dir.path()));
  GLint maxTexture = 0;
  glGetIntegerv(GL_MAX_TEXTURE_SIZE, &maxTexture);
  REQUIRE(maxTexture > 0);
  REQUIRE(maxTexture < 20000);

  // Left part red, right part blue (BGR), a green band at the bottom.
  auto bgr = std::make_shared<cv::Mat>(12000, 20000, CV_8UC3, cv::Scalar(0, 0, 255));
  (*bgr)(cv::Rect(10000, 0, 10000, 12000)).setTo(cv::Scalar(255, 0, 0));
  (*bgr)(cv::Rect(0, 10000, 20000, 2000)).setTo(cv::Scalar(0, 255, 0));

  const auto layout = desk::tileLayout(bgr->size(), maxTexture);
  const auto tilesAlong = [&](int side) { return static_cast<std::size_t>((side + maxTexture - 1) / maxTexture); };
  CHECK(layout.size() == tilesAlong(20000) * tilesAlong(12000));
  CHECK(layout.size() >= 2);

  // Open it in the post view as the desk would after a download.
  auto& post = driver.desk().post.emplace();
  api::ImageRef ref;
  ref.id = "huge";
  post.images.emplace_back(ref);
  auto& image = post.images.back();
  image.show(bgr, desk::makeTiles(*bgr, maxTexture));
  CHECK(desk::gpu(image).texture.tiles().size() == layout.size());
  for (const auto& tile : desk::gpu(image).texture.tiles()) {
    CHECK(tile.texture.width() <= maxTexture);
    CHECK(tile.texture.height() <= maxTexture);
  }

  driver.desk().session = api::Session{"t", "", api::User{"u", "modo", "Test", {"moderator"}}};
  driver.frames(4);
  const cv::Mat shot = cv::imread(driver.screenshot("tiled-20000x12000"));
  REQUIRE(!shot.empty());
  // Sample the canvas: find the image area by its colours along one row in the upper half.
  const auto canvas = desk::UiProbe::instance().rect("canvas.post");
  REQUIRE(canvas.has_value());
  const int y = static_cast<int>(canvas->y + canvas->w * 0.3f);
  int red = 0, blue = 0;
  for (int x = static_cast<int>(canvas->x); x < canvas->x + canvas->z; ++x) {
    const cv::Vec3b p = shot.at<cv::Vec3b>(y, x);
    red += p == cv::Vec3b(0, 0, 255);
    blue += p == cv::Vec3b(255, 0, 0);
  }
  CHECK(red > 100);
  CHECK(blue > 100);
  CHECK(std::abs(red - blue) <= 4);  // both halves drawn at the same scale, across the tile seams
  // The view keeps the image's textures (the desk's LoadedImage holds none) and frees them when the image goes.
  const std::size_t held = desk::deskView().images.size();
  CHECK(held >= 1);
  CHECK(image.display->tiles.empty());  // the CPU tiles were released once uploaded
  driver.desk().post.reset();
  driver.frames(1);
  CHECK(desk::deskView().images.size() == held - 1);
}
