// Unit tests of the row split of multi-row text regions and of when a turned line is read along its outline.
#include "medpics/detect/text_regions.hpp"
#include "medpics/detect/text_rows.hpp"
#include "test_detect_support.hpp"

#include <catch2/catch.hpp>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

using namespace medpics;
using namespace medpics::detect;

namespace {
// Two rows of text on a light page turned by `degrees` about the page centre, and the upright box that holds both.
cv::Mat turnedRows(double degrees, cv::Rect* both) {
  // rows 1.7 glyphs apart, as on an ECG header: a gap of about 12 px between their ink
  cv::Mat page(cv::Size(1100, 200), CV_8UC3, cv::Scalar::all(235));
  auto& text = synth::threadTextRenderer();
  text.draw(page, "FC 73 bpm   PR 160 ms   QRS 90 ms   QT/QTc 380/410 ms", {40, 80}, 24, cv::Scalar::all(20));
  text.draw(page, "Filtre 0,05-150 Hz   Axe QRS 9 deg   Rythme sinusal", {40, 121}, 24, cv::Scalar::all(20));
  const cv::Mat turn = cv::getRotationMatrix2D({550, 100}, degrees, 1.0);
  cv::warpAffine(page, page, turn, page.size(), cv::INTER_LINEAR, cv::BORDER_REPLICATE);
  cv::Mat gray, bin;
  cv::cvtColor(page, gray, cv::COLOR_BGR2GRAY);
  cv::threshold(gray, bin, 128, 255, cv::THRESH_BINARY_INV);
  *both = cv::boundingRect(bin);
  return page;
}

TextRegion uprightRegion(const cv::Rect& box) {
  TextRegion r;
  r.box = box;
  r.rect = cv::RotatedRect(cv::Point2f(box.x + box.width / 2.f, box.y + box.height / 2.f),
                           cv::Size2f(float(box.width), float(box.height)), 0.f);
  r.source = "ppocr-db";
  return r;
}
}  // namespace

TEST_CASE("two rows of a page turned by 3 degrees in one upright box are split along the slope of the text", "[detect][rules]") {
  for (const double degrees : {3.0, -3.0}) {
    INFO(degrees << " degrees");
    cv::Rect both;
    const cv::Mat page = turnedRows(degrees, &both);
    cv::Mat gray;
    cv::cvtColor(page(both), gray, cv::COLOR_BGR2GRAY);
    CHECK(inkRows(gray).size() == 1);  // along the upright box the turn closes the gap between the rows
    // the text rises to the right for a positive (anticlockwise) turn: v decreases along u
    CHECK(std::atan(inkSlope(gray)) * 180 / CV_PI == Approx(-degrees).margin(0.3));
    const auto rows = splitMultiRowRegions(page, {uprightRegion(both)});
    REQUIRE(rows.size() == 2);
    for (const auto& r : rows) CHECK(std::min(r.rect.size.width, r.rect.size.height) < 0.7 * both.height);
  }
}

TEST_CASE("one row stays one region, whatever its slope", "[detect][rules]") {
  std::vector<cv::Rect> ink;
  cv::Mat page = test::renderLines({"Rythme sinusal   Axe QRS 57 deg"}, 24, false, &ink, {800, 120});
  const cv::Mat turn = cv::getRotationMatrix2D({400, 60}, 2.5, 1.0);
  cv::warpAffine(page, page, turn, page.size(), cv::INTER_LINEAR, cv::BORDER_REPLICATE);
  const cv::Rect box = cv::Rect(ink[0].x - 6, ink[0].y - 20, ink[0].width + 12, ink[0].height + 40) &
                       cv::Rect(0, 0, page.cols, page.rows);
  CHECK(splitMultiRowRegions(page, {uprightRegion(box)}).size() == 1);
}

TEST_CASE("a long line turned by 1.9 degrees is read along its outline, a short word is read upright", "[rules]") {
  CHECK_FALSE(nearlyUpright(cv::RotatedRect({500, 100}, {1600, 60}, 1.9f)));  // its far end moves by 53 px
  CHECK_FALSE(nearlyUpright(cv::RotatedRect({500, 100}, {60, 1600}, 88.1f)));  // the same, described the other way
  CHECK(nearlyUpright(cv::RotatedRect({500, 100}, {120, 40}, 1.9f)));           // 4 px: the upright box is as good
  CHECK(nearlyUpright(cv::RotatedRect({500, 100}, {1600, 60}, 0.f)));
  CHECK_FALSE(nearlyUpright(cv::RotatedRect({500, 100}, {120, 40}, 2.5f)));  // 2 degrees or more: always turned
}

namespace {
// The PHI text lines of a corpus image whose tops lie in [fromY, toY] that no row of smallTextRows (faint rows
// included) covers for 80 % or more; `lines` counts them.
// The PHI lines of `img` between fromY and toY that no row of smallTextRows covers (80 % of the line), the image
// scaled by `scale` first (the pipeline's working copy of a large photo).
std::vector<std::string> linesWithoutRow(const synth::SynthImage& img, int fromY, int toY, int& lines,
                                         double scale = 1.0) {
  cv::Mat pixels = img.pixels;
  if (scale != 1.0) cv::resize(img.pixels, pixels, {}, scale, scale, cv::INTER_AREA);
  std::vector<cv::Rect> faint;
  std::vector<cv::Rect> rows = smallTextRows(pixels, {}, &faint);
  rows.insert(rows.end(), faint.begin(), faint.end());
  std::vector<std::string> out;
  lines = 0;
  for (const auto& e : img.truth) {
    if (e.kind != "text" || !e.phi || e.box.y < fromY || e.box.y > toY) continue;
    ++lines;
    const cv::Rect box(int(e.box.x * scale), int(e.box.y * scale), int(std::ceil(e.box.width * scale)),
                       int(std::ceil(e.box.height * scale)));
    if (std::none_of(rows.begin(), rows.end(), [&](const cv::Rect& r) { return (r & box).area() >= 0.8 * box.area(); }))
      out.push_back(e.text);
  }
  return out;
}
}  // namespace

TEST_CASE("a corner block of short lines of small print is a row to refine", "[rules]") {
  // four 8 px lines of 47-69 px in the corner of a 3810 x 2857 dark ultrasound (seed 1523 image 7, JPEG q60): at the
  // working scale of the small-text pass they merge into a 29 x 20 px shape, about as high as wide, which was never a
  // row (so never refined, and the whole header was missed)
  int lines = 0;
  CHECK(
      linesWithoutRow(test::corpusImage(synth::ImageKind::Ultrasound, 1523, 7, 3810, 2857, 60), 0, 200, lines).empty());
  CHECK(lines == 4);
}

TEST_CASE("a turned, blurred block of small print in a box holds rows along its slope", "[rules]") {
  // a bordered block of five 8 px lines 13 px apart turned 1.5 degrees on a lab report (seed 5939 image 1, JPEG q74):
  // upright, the blurred rows touch; it was no row to refine, and the whole identity block was missed
  int lines = 0;
  CHECK(linesWithoutRow(test::corpusImage(synth::ImageKind::LabReport, 5939, 1, 2279, 3038, 74), 640, 740, lines)
            .empty());
  CHECK(lines == 5);
}

TEST_CASE("the small print of a code's label joined to its bars is a row to refine", "[rules]") {
  // the 8-13 px lines of a wristband's label right over its Code128 on a 3798 x 2848 photo (seed 4967 image 11, JPEG
  // q51): on the pipeline's 2048 px working copy they made one dense 417 x 866 px shape with the bars, no row; the
  // coarse pass did not see them and only the undecoded code's box masked them, in part (83 %)
  int lines = 0;
  const auto img = test::corpusImage(synth::ImageKind::Wristband, 4967, 11, 3798, 2848, 51);
  const std::vector<std::string> missed = linesWithoutRow(img, 970, 1000, lines, 2048.0 / 3798.0);
  for (const auto& m : missed) UNSCOPED_INFO("no row: " << m);
  CHECK(missed.empty());
  CHECK(lines == 2);  // the hospital line and the name (the rows of the date and the IPP touch the bars' tops)
}
