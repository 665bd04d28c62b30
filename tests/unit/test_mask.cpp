// Unit tests of masking: region JSON, rasterisation, burn-in styles (nothing of the original survives), encoding.
#include "medpics/mask/burn_in.hpp"
#include "medpics/mask/publish.hpp"

#include <catch2/catch.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

using namespace medpics::mask;

namespace {
cv::Mat noiseImage(int w, int h, int seed) {
  cv::Mat img(h, w, CV_8UC3);
  cv::RNG rng(seed);
  rng.fill(img, cv::RNG::UNIFORM, 0, 256);
  return img;
}
Region rect(int x, int y, int w, int h, Style style = Style::Solid) {
  Region r;
  r.box = {x, y, w, h};
  r.style = style;
  return r;
}
}  // namespace

TEST_CASE("region JSON round-trips every shape") {
  const auto a = regionFromJson(nlohmann::json::parse(R"({"box":[1,2,30,40],"style":"mosaic"})"));
  CHECK(a.shape == Shape::Rect);
  CHECK(a.box == cv::Rect(1, 2, 30, 40));
  CHECK(a.style == Style::Mosaic);
  const auto b = regionFromJson(nlohmann::json::parse(R"({"polygon":[[0,0],[10,0],[10,10]]})"));
  CHECK(b.shape == Shape::Polygon);
  CHECK(b.bounds() == cv::Rect(0, 0, 11, 11));
  const auto c = regionFromJson(nlohmann::json::parse(R"({"ellipse":[5,5,20,10]})"));
  CHECK(c.shape == Shape::Ellipse);

  Region brush;
  brush.shape = Shape::Brush;
  brush.box = {3, 4, 5, 2};
  brush.brush = cv::Mat1b(2, 5, uchar(0));
  brush.brush(0, 1) = brush.brush(1, 4) = 255;
  const Region back = regionFromJson(toJson(brush));
  CHECK(back.shape == Shape::Brush);
  CHECK(cv::countNonZero(back.brush != brush.brush) == 0);
}

TEST_CASE("malformed regions are refused with a message") {
  CHECK_THROWS_AS(regionFromJson(nlohmann::json::parse(R"({"box":[1,2,3]})")), std::invalid_argument);
  CHECK_THROWS_AS(regionFromJson(nlohmann::json::parse(R"({"box":[1,2,0,4]})")), std::invalid_argument);
  CHECK_THROWS_AS(regionFromJson(nlohmann::json::parse(R"({"box":["a",2,3,4]})")), std::invalid_argument);
  CHECK_THROWS_AS(regionFromJson(nlohmann::json::parse(R"({"polygon":[[0,0],[1,1]]})")), std::invalid_argument);
  CHECK_THROWS_AS(regionFromJson(nlohmann::json::parse(R"({"box":[0,0,4,4],"style":"pixelate"})")), std::invalid_argument);
  CHECK_THROWS_AS(regionFromJson(nlohmann::json::parse(R"(42)")), std::invalid_argument);
}

TEST_CASE("rasterisation is exact to the pixel") {
  cv::Mat1b mask(100, 100, uchar(0));
  rasterize(rect(10, 20, 7, 3), mask);
  CHECK(cv::countNonZero(mask) == 21);
  CHECK(mask(20, 10) == 255);
  CHECK(mask(22, 16) == 255);
  CHECK(mask(23, 16) == 0);
  CHECK(mask(22, 17) == 0);

  cv::Mat1b ellipse(100, 100, uchar(0));
  Region e = rect(0, 0, 40, 20);
  e.shape = Shape::Ellipse;
  rasterize(e, ellipse);
  CHECK(ellipse(10, 20) == 255);  // centre
  CHECK(ellipse(0, 0) == 0);      // corner outside
  cv::Mat1b flipped;
  cv::flip(ellipse(cv::Rect(0, 0, 40, 20)), flipped, -1);
  CHECK(cv::countNonZero(flipped != ellipse(cv::Rect(0, 0, 40, 20))) == 0);  // symmetric

  cv::Mat1b clipped(50, 50, uchar(0));
  rasterize(rect(40, 40, 30, 30), clipped);  // partly outside the image
  CHECK(cv::countNonZero(clipped) == 100);
}

TEST_CASE("solid burn-in leaves exactly black pixels inside and the original outside") {
  const cv::Mat original = noiseImage(200, 150, 1);
  cv::Mat img = original.clone();
  Region poly;
  poly.shape = Shape::Polygon;
  poly.points = {{20, 20}, {120, 30}, {60, 110}};
  burnIn(img, {rect(150, 10, 30, 40), poly}, 7);
  const cv::Mat1b covered = coverage(img.size(), {rect(150, 10, 30, 40), poly});
  for (int y = 0; y < img.rows; ++y)
    for (int x = 0; x < img.cols; ++x) {
      const auto p = img.at<cv::Vec3b>(y, x);
      if (covered(y, x)) REQUIRE(p == cv::Vec3b(0, 0, 0));
      else REQUIRE(p == original.at<cv::Vec3b>(y, x));
    }
}

TEST_CASE("mosaic blocks are uniform up to the noise and keep nothing of the detail") {
  const cv::Mat original = noiseImage(256, 256, 2);
  cv::Mat img = original.clone();
  const Region r = rect(32, 32, 160, 160, Style::Mosaic);
  CHECK(mosaicBlockSize(r) == 20);
  burnIn(img, {r}, 11);
  const int block = mosaicBlockSize(r);
  // Inside the region every pixel of a block has the block value; the original's detail is gone.
  for (int y = 32; y < 192; ++y)
    for (int x = 32; x < 192; ++x) {
      const cv::Vec3b v = img.at<cv::Vec3b>(y, x);
      const cv::Vec3b first = img.at<cv::Vec3b>(std::max(32, y / block * block), std::max(32, x / block * block));
      REQUIRE(v == first);
    }
  cv::Mat diff;
  cv::absdiff(img(cv::Rect(32, 32, 160, 160)), original(cv::Rect(32, 32, 160, 160)), diff);
  CHECK(cv::mean(diff)[0] > 30);  // uniform noise image: the mosaic is far from every original pixel
  // Block values are the block mean plus bounded noise.
  const cv::Rect cell(40, 40, 20, 20);
  const cv::Scalar mean = cv::mean(original(cell));
  const cv::Vec3b v = img.at<cv::Vec3b>(45, 45);
  for (int c = 0; c < 3; ++c) CHECK(std::abs(v[c] - mean[c]) <= 25);
  // Outside untouched.
  CHECK(cv::countNonZero(img(cv::Rect(0, 0, 32, 256)).reshape(1) != original(cv::Rect(0, 0, 32, 256)).reshape(1)) == 0);
}

TEST_CASE("mosaic block size follows max(16, height / 8) and the noise is deterministic and bounded") {
  CHECK(mosaicBlockSize(rect(0, 0, 50, 50)) == 16);
  CHECK(mosaicBlockSize(rect(0, 0, 50, 400)) == 50);
  CHECK(mosaicNoise(3, 4, 1, 9) == mosaicNoise(3, 4, 1, 9));
  int distinct = 0;
  for (int i = 0; i < 100; ++i) {
    const int n = mosaicNoise(i, 2 * i, i % 3, 5);
    CHECK(n >= -24);
    CHECK(n <= 24);
    distinct += n != mosaicNoise(i + 1, 2 * i, i % 3, 5);
  }
  CHECK(distinct > 80);
}

TEST_CASE("dismissed regions are not burnt in") {
  const cv::Mat original = noiseImage(64, 64, 3);
  cv::Mat img = original.clone();
  Region r = rect(0, 0, 64, 64);
  r.state = State::Dismissed;
  burnIn(img, {r}, 1);
  CHECK(cv::countNonZero(img.reshape(1) != original.reshape(1)) == 0);
}

TEST_CASE("publication encoding keeps PNG lossless and makes JPEG otherwise") {
  const cv::Mat img = noiseImage(40, 30, 4);
  const auto png = encodeForPublication(img, "image/png");
  CHECK(png.contentType == "image/png");
  const cv::Mat back = cv::imdecode(cv::Mat(1, int(png.bytes.size()), CV_8UC1, (void*)png.bytes.data()), cv::IMREAD_COLOR);
  CHECK(cv::countNonZero(back.reshape(1) != img.reshape(1)) == 0);
  const auto jpg = encodeForPublication(img, "image/jpeg");
  CHECK(jpg.contentType == "image/jpeg");
  CHECK(static_cast<unsigned char>(jpg.bytes[0]) == 0xFF);
  CHECK(static_cast<unsigned char>(jpg.bytes[1]) == 0xD8);
}
