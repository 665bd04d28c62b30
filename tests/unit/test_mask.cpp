// Unit tests of masking: region JSON, rasterisation, burn-in styles (nothing of the original survives), encoding.
#include "medpics/mask/burn_in.hpp"
#include "medpics/mask/publish.hpp"

#include <catch2/catch.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>

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
  CHECK_THROWS_AS(regionFromJson(nlohmann::json::parse(R"({"box":[0,0,4,4],"style":"pixelate"})")),
                  std::invalid_argument);
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
      if (covered(y, x))
        REQUIRE(p == cv::Vec3b(0, 0, 0));
      else
        REQUIRE(p == original.at<cv::Vec3b>(y, x));
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
  const cv::Mat back =
      cv::imdecode(cv::Mat(1, int(png.bytes.size()), CV_8UC1, (void*)png.bytes.data()), cv::IMREAD_COLOR);
  CHECK(cv::countNonZero(back.reshape(1) != img.reshape(1)) == 0);
  const auto jpg = encodeForPublication(img, "image/jpeg");
  CHECK(jpg.contentType == "image/jpeg");
  CHECK(static_cast<unsigned char>(jpg.bytes[0]) == 0xFF);
  CHECK(static_cast<unsigned char>(jpg.bytes[1]) == 0xD8);
}

namespace {
// The burn-in as first written (full clone of the original, full-size buffers): the optimised burnIn must produce the
// very same pixels (the GPU preview agreement test depends on them).
void referenceBurnIn(cv::Mat& image, const std::vector<Region>& regions, std::uint32_t seed) {
  const cv::Mat original = image.clone();
  const cv::Rect whole(0, 0, image.cols, image.rows);
  cv::Mat1b regionMask(image.size());
  cv::Mat styled(image.size(), image.type(), cv::Scalar::all(0));
  for (const auto& r : regions) {
    if (!r.masks()) continue;
    const cv::Rect area = r.bounds() & whole;
    if (area.area() == 0) continue;
    regionMask.setTo(0);
    rasterize(r, regionMask);
    switch (r.style) {
      case Style::Solid: image(area).setTo(cv::Scalar(0, 0, 0, 255), regionMask(area)); break;
      case Style::Mosaic: {
        const int block = mosaicBlockSize(r);
        for (int by = area.y / block; by * block < area.y + area.height; ++by)
          for (int bx = area.x / block; bx * block < area.x + area.width; ++bx) {
            const cv::Rect cell = cv::Rect(bx * block, by * block, block, block) & whole;
            const cv::Scalar sum = cv::sum(original(cell));
            const long long count = cell.area();
            cv::Scalar value = cv::mean(original(cell));
            for (int c = 0; c < std::min(3, image.channels()); ++c) {
              const long long mean = (static_cast<long long>(sum[c]) + count / 2) / count;
              value[c] = std::clamp<long long>(mean + mosaicNoise(bx, by, c, seed), 0, 255);
            }
            styled(cell).setTo(value);
          }
        styled(area).copyTo(image(area), regionMask(area));
        break;
      }
      case Style::Blur: {
        const int sigma = std::max(8, r.bounds().height / 6);
        const int pad = 3 * sigma;
        const cv::Rect padded =
            cv::Rect(area.x - pad, area.y - pad, area.width + 2 * pad, area.height + 2 * pad) & whole;
        cv::Mat blurred;
        cv::GaussianBlur(original(padded), blurred, cv::Size(), sigma, sigma, cv::BORDER_REPLICATE);
        blurred(cv::Rect(area.x - padded.x, area.y - padded.y, area.width, area.height))
            .copyTo(image(area), regionMask(area));
        break;
      }
    }
  }
}
}  // namespace

TEST_CASE("burn-in equals the reference pixel for pixel: random overlapping regions of every shape and style") {
  cv::RNG rng(77);
  for (int round = 0; round < 40; ++round) {
    const int w = rng.uniform(40, 300), h = rng.uniform(40, 300);
    const cv::Mat original = noiseImage(w, h, round);
    std::vector<Region> regions;
    const int n = rng.uniform(1, 8);
    for (int i = 0; i < n; ++i) {
      Region r;
      r.style = static_cast<Style>(rng.uniform(0, 3));
      r.state = rng.uniform(0, 10) == 0 ? State::Dismissed : State::Accepted;
      r.shape = static_cast<Shape>(rng.uniform(0, 4));
      // Boxes may stick out of the image on any side (clipping) or lie entirely outside.
      r.box = {rng.uniform(-60, w + 10), rng.uniform(-60, h + 10), rng.uniform(1, w), rng.uniform(1, h)};
      if (r.shape == Shape::Polygon)
        for (int k = 0, m = rng.uniform(3, 7); k < m; ++k)
          r.points.emplace_back(rng.uniform(-50, w + 50), rng.uniform(-50, h + 50));
      if (r.shape == Shape::Brush) {
        r.brush = cv::Mat1b(r.box.size());
        rng.fill(r.brush, cv::RNG::UNIFORM, 0, 2);
        r.brush *= 255;
      }
      regions.push_back(r);
    }
    const auto seed = static_cast<std::uint32_t>(rng.next());
    cv::Mat expected = original.clone(), actual = original.clone();
    referenceBurnIn(expected, regions, seed);
    burnIn(actual, regions, seed);
    INFO("round " << round << ", " << n << " regions on " << w << "x" << h);
    REQUIRE(cv::countNonZero(expected.reshape(1) != actual.reshape(1)) == 0);
  }
}

TEST_CASE("masked pixels carry nothing of the original: every shape, solid exact, mosaic = block value") {
  const cv::Mat original = noiseImage(300, 200, 9);
  Region ellipse = rect(20, 20, 120, 90, Style::Mosaic);
  ellipse.shape = Shape::Ellipse;
  Region poly;
  poly.shape = Shape::Polygon;
  poly.points = {{160, 10}, {290, 40}, {250, 190}, {170, 120}};
  Region brush = rect(30, 130, 100, 60);
  brush.shape = Shape::Brush;
  brush.brush = cv::Mat1b(60, 100, uchar(0));
  cv::circle(brush.brush, {50, 30}, 25, cv::Scalar(255), cv::FILLED);
  const std::vector<Region> regions = {ellipse, poly, brush};
  cv::Mat img = original.clone();
  burnIn(img, regions, 5);
  // Solid shapes: exactly black over the exact rasterised pixels.
  const cv::Mat1b solid = coverage(img.size(), {poly, brush});
  const cv::Mat1b mosaicMask = coverage(img.size(), {ellipse});
  const int block = mosaicBlockSize(ellipse);
  for (int y = 0; y < img.rows; ++y)
    for (int x = 0; x < img.cols; ++x) {
      const cv::Vec3b p = img.at<cv::Vec3b>(y, x);
      if (solid(y, x)) {
        REQUIRE(p == cv::Vec3b(0, 0, 0));
      } else if (mosaicMask(y, x)) {
        // The block's value: its rounded mean plus the block's noise, the same for every masked pixel of the block.
        const int bx = x / block, by = y / block;
        const cv::Rect cell = cv::Rect(bx * block, by * block, block, block) & cv::Rect(0, 0, img.cols, img.rows);
        const cv::Scalar sum = cv::sum(original(cell));
        for (int c = 0; c < 3; ++c) {
          const long long mean = (static_cast<long long>(sum[c]) + cell.area() / 2) / cell.area();
          REQUIRE(p[c] == std::clamp<long long>(mean + mosaicNoise(bx, by, c, 5), 0, 255));
        }
      } else {
        REQUIRE(p == original.at<cv::Vec3b>(y, x));
      }
    }
}

TEST_CASE("burn-in on BGRA keeps alpha and refuses other pixel types") {
  cv::Mat bgra(50, 50, CV_8UC4, cv::Scalar(10, 20, 30, 200));
  burnIn(bgra, {rect(0, 0, 20, 20), rect(20, 20, 30, 30, Style::Mosaic)}, 3);
  CHECK(bgra.at<cv::Vec4b>(5, 5) == cv::Vec4b(0, 0, 0, 255));
  CHECK(bgra.at<cv::Vec4b>(30, 30)[3] == 200);
  cv::Mat gray(10, 10, CV_8UC1, cv::Scalar(0));
  CHECK_THROWS_AS(burnIn(gray, {rect(0, 0, 5, 5)}, 1), std::invalid_argument);
}

TEST_CASE("ellipse rasterisation equals the per-pixel definition, local rasterisation equals the full one") {
  cv::RNG rng(123);
  for (int round = 0; round < 300; ++round) {
    const int w = rng.uniform(20, 400), h = rng.uniform(20, 400);
    Region e;
    e.shape = Shape::Ellipse;
    e.box = {rng.uniform(-100, w), rng.uniform(-100, h), rng.uniform(1, round < 150 ? 12 : w + 100),
             rng.uniform(1, round < 150 ? 12 : h + 100)};
    cv::Mat1b fast(h, w, uchar(0)), slow(h, w, uchar(0));
    rasterize(e, fast);
    // The definition: pixel centres inside the ellipse inscribed in the box.
    const double cx = e.box.x + e.box.width / 2.0, cy = e.box.y + e.box.height / 2.0;
    const double rx = e.box.width / 2.0, ry = e.box.height / 2.0;
    for (int y = std::max(0, e.box.y); y < std::min(h, e.box.y + e.box.height); ++y)
      for (int x = std::max(0, e.box.x); x < std::min(w, e.box.x + e.box.width); ++x) {
        const double dx = (x + 0.5 - cx) / rx, dy = (y + 0.5 - cy) / ry;
        if (dx * dx + dy * dy <= 1.0) slow(y, x) = 255;
      }
    INFO("box " << e.box << " in " << w << "x" << h);
    REQUIRE(cv::countNonZero(fast != slow) == 0);
  }
  for (int round = 0; round < 2000; ++round) {
    const int w = rng.uniform(20, 300), h = rng.uniform(20, 300);
    Region r;
    r.shape = static_cast<Shape>(rng.uniform(0, 4));
    r.box = {rng.uniform(-60, w), rng.uniform(-60, h), rng.uniform(1, w), rng.uniform(1, h)};
    if (r.shape == Shape::Polygon)
      for (int k = 0, m = rng.uniform(3, 8); k < m; ++k)
        r.points.emplace_back(rng.uniform(-80, w + 80), rng.uniform(-80, h + 80));
    if (r.shape == Shape::Brush) {
      r.brush = cv::Mat1b(r.box.size());
      rng.fill(r.brush, cv::RNG::UNIFORM, 0, 2);
      r.brush *= 255;
    }
    cv::Mat1b full(h, w, uchar(0));
    rasterize(r, full);
    cv::Mat1b local;
    const cv::Rect window = rasterizeLocal(r, full.size(), local);
    CHECK(window == (r.bounds() & cv::Rect(0, 0, w, h)));
    if (window.area() == 0) continue;
    INFO("shape " << toString(r.shape) << " window " << window);
    REQUIRE(cv::countNonZero(local != full(window)) == 0);
  }
}
