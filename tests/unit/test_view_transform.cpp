// Unit tests of the image view transform: fit, zoom about the cursor, snapping through 1:1, pan.
#include "medpics/view/view_transform.hpp"

#include <catch2/catch.hpp>

using medpics::view::Vec2;
using medpics::view::ViewTransform;

namespace {
ViewTransform makeView(int w, int h) {
  ViewTransform v;
  v.setViewport({100, 50}, {800, 600});
  v.setImageSize(w, h);
  return v;
}
}  // namespace

TEST_CASE("fit shows the whole image centred in the viewport") {
  auto v = makeView(4000, 3000);
  CHECK(v.zoom() == Approx(0.2));
  const Vec2 topLeft = v.toScreen({0, 0});
  const Vec2 bottomRight = v.toScreen({4000, 3000});
  CHECK(topLeft.x == Approx(100));
  CHECK(topLeft.y == Approx(50));
  CHECK(bottomRight.x == Approx(900));
  CHECK(bottomRight.y == Approx(650));
}

TEST_CASE("screen and image coordinates are inverse") {
  auto v = makeView(1000, 500);
  v.setZoom(3.0, {321, 234});
  const Vec2 p = v.toImage(v.toScreen({12.5, 99.25}));
  CHECK(p.x == Approx(12.5));
  CHECK(p.y == Approx(99.25));
}

TEST_CASE("zoom keeps the image point under the cursor fixed") {
  auto v = makeView(4000, 3000);
  const Vec2 cursor{420, 310};
  const Vec2 before = v.toImage(cursor);
  v.zoomAt(1.7, cursor);
  v.zoomAt(2.3, cursor);
  const Vec2 after = v.toImage(cursor);
  CHECK(after.x == Approx(before.x));
  CHECK(after.y == Approx(before.y));
}

TEST_CASE("zoom snaps to integers above 1 and always passes through 1:1") {
  auto v = makeView(4000, 3000);
  for (int i = 0; i < 40 && v.zoom() < 1.0; ++i) v.zoomAt(1.37, {500, 300});
  CHECK(v.zoom() == 1.0);
  v.zoomAt(1.3, {500, 300});
  CHECK(v.zoom() == 2.0);
  v.zoomAt(1.01, {500, 300});
  CHECK(v.zoom() == 3.0);
  v.zoomAt(0.9, {500, 300});
  CHECK(v.zoom() == 2.0);
  v.zoomAt(0.4, {500, 300});
  CHECK(v.zoom() == 1.0);
  v.zoomAt(100.0, {500, 300});
  CHECK(v.zoom() == ViewTransform::kMaxZoom);
  v.zoomAt(0.001, {500, 300});
  CHECK(v.zoom() == 1.0);  // coming down from above, the first stop is 1:1
  v.setZoom(1000.0, {500, 300});
  CHECK(v.zoom() == ViewTransform::kMaxZoom);
}

TEST_CASE("zoom steps go 1, 2, ... 8, 16, 32, 64 and down to the fit zoom") {
  auto v = makeView(400, 300);  // fits at 2x: minimum zoom is 1
  v.oneToOne({500, 350});
  int seen = 0;
  while (v.zoom() < 64 && seen < 20) {
    v.zoomStep(1, {500, 350});
    ++seen;
  }
  CHECK(v.zoom() == 64.0);
  CHECK(seen == 10);  // 2..8 (7 steps), 16, 32, 64
  for (int i = 0; i < 30; ++i) v.zoomStep(-1, {500, 350});
  CHECK(v.zoom() == 1.0);
}

TEST_CASE("pan moves the image by the screen delta") {
  auto v = makeView(1000, 1000);
  v.oneToOne({500, 350});
  const Vec2 before = v.toScreen({10, 10});
  v.pan({25, -7});
  const Vec2 after = v.toScreen({10, 10});
  CHECK(after.x - before.x == Approx(25));
  CHECK(after.y - before.y == Approx(-7));
}

TEST_CASE("a small image fits at the largest integer zoom") {
  auto v = makeView(300, 250);  // fit would be 2.4
  CHECK(v.zoom() == 2.0);
}
