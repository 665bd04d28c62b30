// The next post's textures are uploaded ahead, a byte budget per frame, and taken whole when it opens.
#include "desk_driver.hpp"
#include "support/temp_dir.hpp"
#include "texture_preload.hpp"

#include <glad/gl.h>

#include <catch2/catch.hpp>
#include <opencv2/core.hpp>

using namespace medpics;

namespace {
// Level 0 of a texture read back (RGBA).
cv::Mat readBack(const desk::gl::Texture& texture) {
  cv::Mat rgba(texture.height(), texture.width(), CV_8UC4);
  glBindTexture(GL_TEXTURE_2D, texture.id());
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glGetTexImage(GL_TEXTURE_2D, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data);
  glBindTexture(GL_TEXTURE_2D, 0);
  return rgba;
}
}  // namespace

TEST_CASE("texture preload: uploaded in strips within the budget, complete pixels taken once, others freed") {
  test::TempDir dir;
  test::DeskDriver driver(test::localDesk(dir.path(), 800, 600));
  auto pixels = std::make_shared<cv::Mat>(900, 1300, CV_8UC3);
  cv::randu(*pixels, cv::Scalar::all(0), cv::Scalar::all(255));
  // Two tiles (the second narrower), as for an image past the texture limit.
  auto tiles = std::make_shared<std::vector<desk::gl::RgbaTile>>(desk::gl::makeTiles(*pixels, 1024));
  REQUIRE(tiles->size() == 2);
  const std::size_t total = 1300u * 900u * 4u;

  desk::TexturePreload preload;
  const std::vector<desk::TexturePreload::Source> sources{{pixels, tiles}};
  const std::size_t budget = 512u << 10;  // 0.5 MiB per frame
  int steps = 0;
  while (preload.step(sources, budget)) {
    ++steps;
    CHECK(preload.uploadedBytes() <= static_cast<std::size_t>(steps) * (budget + 1024u * 4u));
    if (steps == 1) CHECK_FALSE(preload.take(pixels.get()).has_value());  // not complete: the open uploads itself
    REQUIRE(steps < 100);
  }
  CHECK(preload.uploadedBytes() == total);
  CHECK(steps >= static_cast<int>(total / budget) - 1);  // spread over frames, not in one
  CHECK(preload.completed() == 1);

  auto image = preload.take(pixels.get());
  REQUIRE(image.has_value());
  REQUIRE(image->tiles().size() == 2);
  for (std::size_t i = 0; i < 2; ++i) {
    const auto& tile = image->tiles()[i];
    CHECK(tile.area == (*tiles)[i].area);
    const cv::Mat back = readBack(tile.texture);
    CHECK(cv::norm(back, (*tiles)[i].rgba, cv::NORM_INF) == 0);  // every row, exactly
  }
  CHECK_FALSE(preload.take(pixels.get()).has_value());  // taken once

  // An image that is no longer the next one is dropped (its textures freed), a new one started.
  auto other = std::make_shared<cv::Mat>(64, 64, CV_8UC3, cv::Scalar(1, 2, 3));
  auto otherTiles = std::make_shared<std::vector<desk::gl::RgbaTile>>(desk::gl::makeTiles(*other, 1024));
  preload.step({{pixels, tiles}}, budget);
  preload.step({{other, otherTiles}}, budget);
  CHECK_FALSE(preload.take(pixels.get()).has_value());
  CHECK(preload.take(other.get()).has_value());
}
