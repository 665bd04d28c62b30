// Unit tests of the rows of small-print blocks the network missed (text_blocks.hpp).
#include "medpics/detect/text_blocks.hpp"
#include "test_detect_support.hpp"

#include <catch2/catch.hpp>

using namespace medpics;
using namespace medpics::detect;

namespace {

// A fine line (the small-text pass's source) outlined around an ink box with the network's margins.
TextRegion fineLine(const cv::Rect& ink) {
  TextRegion r;
  r.box = cv::Rect(ink.x - 3, ink.y - 3, ink.width + 6, ink.height + 6);
  r.rect = cv::RotatedRect(cv::Point2f(float(r.box.x) + float(r.box.width) / 2.f, float(r.box.y) + float(r.box.height) / 2.f),
                           cv::Size2f(float(r.box.width), float(r.box.height)), 0.f);
  r.source = "ppocr-db-fine";
  return r;
}

}  // namespace

// Seed 7717 image 12 (session 14): the first line of an 8 px ECG header, printed over the grid on dark paper, had no
// outline at all ("Robert, Loïc" and the birth date missed for six sessions); the three lines under it had.
TEST_CASE("a block's row that the network missed is found from the block's pitch", "[detect][rules]") {
  std::vector<cv::Rect> ink;
  const cv::Mat page = test::renderLines({"Nom : Robert, Loic  Ne(e) le 13/06/1968", "Date : 02/11/2024 15:33",
                                          "FC 97 bpm  PR 160 ms", "Filtre 0,05-150 Hz"},
                                         9, true, &ink, {600, 200});
  const std::vector<TextRegion> found = {fineLine(ink[1]), fineLine(ink[2]), fineLine(ink[3])};
  const auto added = missingBlockRows(page, found);
  REQUIRE(added.size() == 1);
  CHECK(added[0].source == "block-row");
  CHECK((added[0].box & ink[0]).area() >= 0.8 * ink[0].area());  // the missed row, as wide as the block
  CHECK(added[0].box.br().y <= ink[1].y + 2);                    // one row: not merged with the next one
  // every row outlined: nothing to add (the rows above and below the block are blank)
  CHECK(missingBlockRows(page, {fineLine(ink[0]), fineLine(ink[1]), fineLine(ink[2]), fineLine(ink[3])}).empty());
  // a single line is no block
  CHECK(missingBlockRows(page, {fineLine(ink[1])}).empty());
  // a coarse region already over the missed row: it is read there
  std::vector<TextRegion> covered = found;
  TextRegion coarse = fineLine(ink[0]);
  coarse.source = "ppocr-db";
  covered.push_back(coarse);
  CHECK(missingBlockRows(page, covered).empty());
}
