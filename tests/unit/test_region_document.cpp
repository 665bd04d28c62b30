// Unit tests of the region document: edits, selection, cycling, gestures and undo / redo.
#include "medpics/review/region_document.hpp"

#include <catch2/catch.hpp>

using namespace medpics;
using review::RegionDocument;

namespace {
mask::Region rect(int x, int y, int w, int h) {
  mask::Region r;
  r.box = {x, y, w, h};
  return r;
}
}  // namespace

TEST_CASE("add, nudge, resize, undo and redo give exact integer geometry") {
  RegionDocument doc({1000, 800});
  const int id = doc.add(rect(100, 100, 50, 40));
  doc.moveSelected(1, 0);
  CHECK(doc.find(id)->region.box == cv::Rect(101, 100, 50, 40));
  doc.moveSelected(0, 10);
  CHECK(doc.find(id)->region.box == cv::Rect(101, 110, 50, 40));
  doc.resizeSelected(1, -1);
  CHECK(doc.find(id)->region.box == cv::Rect(101, 110, 51, 39));
  REQUIRE(doc.undo());
  CHECK(doc.find(id)->region.box == cv::Rect(101, 110, 50, 40));
  REQUIRE(doc.undo());
  REQUIRE(doc.undo());
  CHECK(doc.find(id)->region.box == cv::Rect(100, 100, 50, 40));
  REQUIRE(doc.redo());
  CHECK(doc.find(id)->region.box == cv::Rect(101, 100, 50, 40));
  REQUIRE(doc.undo());
  REQUIRE(doc.undo());
  CHECK(doc.items().empty());
  CHECK_FALSE(doc.undo());
}

TEST_CASE("moves are clamped to the image and sizes stay at least one pixel") {
  RegionDocument doc({200, 100});
  const int id = doc.add(rect(190, 90, 10, 10));
  doc.moveSelected(50, 50);
  CHECK(doc.find(id)->region.box == cv::Rect(190, 90, 10, 10));
  doc.moveSelected(-500, 0);
  CHECK(doc.find(id)->region.box.x == 0);
  doc.resizeSelected(-100, -100);
  CHECK(doc.find(id)->region.box.size() == cv::Size(1, 1));
}

TEST_CASE("a drag gesture is one undo step") {
  RegionDocument doc({500, 500});
  const int id = doc.add(rect(10, 10, 20, 20));
  doc.beginGesture();
  for (int i = 1; i <= 30; ++i) doc.gestureReplace(id, review::translated(rect(10, 10, 20, 20), i, i));
  doc.endGesture();
  CHECK(doc.find(id)->region.box.tl() == cv::Point(40, 40));
  REQUIRE(doc.undo());
  CHECK(doc.find(id)->region.box.tl() == cv::Point(10, 10));
  REQUIRE(doc.redo());
  CHECK(doc.find(id)->region.box.tl() == cv::Point(40, 40));
}

TEST_CASE("selection, hit testing, duplicate, delete, dismiss") {
  RegionDocument doc({400, 300});
  const int a = doc.add(rect(10, 10, 50, 50));
  mask::Region e = rect(100, 100, 60, 30);
  e.shape = mask::Shape::Ellipse;
  const int b = doc.add(e);
  CHECK(doc.hitTest({20, 20}) == a);
  CHECK(doc.hitTest({130, 115}) == b);
  CHECK_FALSE(doc.hitTest({101, 101}).has_value());  // ellipse corner is outside
  doc.select(a);
  doc.select(b, true);
  CHECK(doc.selection().size() == 2);
  doc.duplicateSelected();
  CHECK(doc.items().size() == 4);
  CHECK(doc.selection().size() == 2);
  doc.removeSelected();
  CHECK(doc.items().size() == 2);
  doc.select(b);
  doc.setStateSelected(mask::State::Dismissed);
  CHECK(doc.find(b)->region.state == mask::State::Dismissed);
  CHECK(doc.hitTest({130, 115}) == b);  // still visible and clickable
  doc.undo();
  CHECK(doc.find(b)->region.state == mask::State::Accepted);
}

TEST_CASE("Tab order goes through every region in reading order and wraps") {
  RegionDocument doc({400, 300});
  const int low = doc.add(rect(10, 200, 10, 10));
  const int topRight = doc.add(rect(300, 10, 10, 10));
  const int topLeft = doc.add(rect(10, 10, 10, 10));
  doc.clearSelection();
  CHECK(doc.cycle(1) == topLeft);
  doc.select(topLeft);
  CHECK(doc.cycle(1) == topRight);
  doc.select(topRight);
  CHECK(doc.cycle(1) == low);
  doc.select(low);
  CHECK(doc.cycle(1) == topLeft);
  CHECK(doc.cycle(-1) == topRight);
}

TEST_CASE("brush strokes are undoable without corrupting history") {
  RegionDocument doc({100, 100});
  mask::Region brush;
  brush.shape = mask::Shape::Brush;
  brush.box = {0, 0, 10, 10};
  brush.brush = cv::Mat1b(10, 10, uchar(0));
  const int id = doc.add(brush);
  mask::Region stroke = doc.find(id)->region;
  stroke.brush = stroke.brush.clone();
  stroke.brush(5, 5) = 255;
  doc.replace(id, stroke);
  CHECK(doc.find(id)->region.brush(5, 5) == 255);
  doc.undo();
  CHECK(doc.find(id)->region.brush(5, 5) == 0);
}

TEST_CASE("creating a region by dragging is a single undo step") {
  RegionDocument doc({300, 300});
  doc.beginGesture();
  const int id = doc.add(rect(5, 5, 1, 1));
  doc.gestureReplace(id, rect(5, 5, 40, 30));
  doc.endGesture();
  CHECK(doc.items().size() == 1);
  REQUIRE(doc.undo());
  CHECK(doc.items().empty());
  REQUIRE(doc.redo());
  CHECK(doc.find(id)->region.box == cv::Rect(5, 5, 40, 30));
}
