// rowsCutByFrame: the feet of a header row cut by the image's edge are masked beside an identity header, only there;
// extendToFrameEdge: PHI outlines near the edge reach it.
#include "medpics/detect/frame_edge.hpp"

#include <catch2/catch.hpp>
#include <opencv2/imgproc.hpp>

using namespace medpics::detect;

namespace {

constexpr int kWidth = 700, kHeight = 200;
const char* kCutRow = "Nom : DUPONT Jean   Ne(e) le 01/02/1960   IPP 1234567890";

// A page whose first row lies above its top edge but for the feet of its glyphs (baseline at y = 4), with a shorter
// second row under it, outlined by `second`.
struct Header {
  cv::Mat gray;
  Finding second;
  int cutRowEnd = 0;
};

Header header(bool withCutRow, bool secondIsPhi, bool inverted = false) {
  Header h;
  const cv::Scalar paper(inverted ? 20 : 240), ink(inverted ? 230 : 30);
  h.gray = cv::Mat(kHeight, kWidth, CV_8UC1, paper);
  int baseline = 0;
  const cv::Size size = cv::getTextSize(kCutRow, cv::FONT_HERSHEY_SIMPLEX, 0.6, 1, &baseline);
  h.cutRowEnd = 20 + size.width;
  if (withCutRow) cv::putText(h.gray, kCutRow, {20, 4}, cv::FONT_HERSHEY_SIMPLEX, 0.6, ink, 1, cv::LINE_AA);
  cv::putText(h.gray, "Date : 12/10/2024", {20, 24}, cv::FONT_HERSHEY_SIMPLEX, 0.6, ink, 1, cv::LINE_AA);
  h.second.kind = Kind::Text;
  h.second.category = secondIsPhi ? "date" : "benign";
  h.second.phi = secondIsPhi;
  h.second.box = Box{16, 8, 175, 22};
  h.second.text = "Date : 12/10/2024";
  return h;
}

}  // namespace

TEST_CASE("a header row cut by the top edge is masked along its whole length beside a PHI row", "[rules]") {
  for (bool inverted : {false, true}) {
    const Header h = header(true, true, inverted);
    const auto found = rowsCutByFrame({h.second}, h.gray);
    INFO("inverted " << inverted);
    REQUIRE(found.size() == 1);
    const Finding& f = found.front();
    CHECK(f.phi);
    CHECK(f.category == "other-text");
    CHECK(f.detector == "frame-edge");
    REQUIRE(f.box);
    CHECK(f.box->y == 0);
    CHECK(f.box->h >= 5);                       // the feet of the glyphs (rows 0-4)
    CHECK(f.box->h <= 22);                      // no deeper than one line
    CHECK(f.box->x <= 20);                      // from the row's start...
    CHECK(f.box->x + f.box->w >= h.cutRowEnd);  // ...to its end, past the shorter row under it
  }
}

TEST_CASE("no strip without print above the header, nor beside a header that holds no PHI", "[rules]") {
  const Header blank = header(false, true);
  CHECK(rowsCutByFrame({blank.second}, blank.gray).empty());
  const Header benign = header(true, false);
  CHECK(rowsCutByFrame({benign.second}, benign.gray).empty());
  CHECK(rowsCutByFrame({}, benign.gray).empty());
}

TEST_CASE("the lines of a grid or the anatomy running out of the frame are no cut row", "[rules]") {
  Header grid = header(false, true);
  for (int x = 0; x < kWidth; x += 20) cv::line(grid.gray, {x, 0}, {x, 5}, cv::Scalar(60), 2);  // thin, sparse
  CHECK(rowsCutByFrame({grid.second}, grid.gray).empty());
  Header anatomy = header(false, true);
  cv::ellipse(anatomy.gray, {300, 0}, {200, 6}, 0, 0, 360, cv::Scalar(40), cv::FILLED);  // one wide piece
  CHECK(rowsCutByFrame({anatomy.second}, anatomy.gray).empty());
}

TEST_CASE("a footer row cut by the bottom edge is masked too", "[rules]") {
  Header h = header(true, true);
  cv::flip(h.gray, h.gray, 0);  // upside down: the cut row's feet (now heads) at the bottom edge
  Box& b = *h.second.box;
  b.y = kHeight - b.y - b.h;
  const auto found = rowsCutByFrame({h.second}, h.gray);
  REQUIRE(found.size() == 1);
  REQUIRE(found.front().box);
  CHECK(found.front().box->y + found.front().box->h == kHeight);
  CHECK(found.front().box->x + found.front().box->w >= h.cutRowEnd);
}

TEST_CASE("feet in faded ink are no cut row: the print beside them is far darker", "[rules]") {
  // the same cut row, bold, in a faded grey (0.37 of the print's distance from the paper; a faded ECG grid: 0.24): left
  // alone; in the print's own ink it is masked (the first case)
  Header h = header(false, true);
  cv::putText(h.gray, kCutRow, {20, 4}, cv::FONT_HERSHEY_SIMPLEX, 0.6, cv::Scalar(180), 2, cv::LINE_AA);
  CHECK(rowsCutByFrame({h.second}, h.gray).empty());
}

TEST_CASE("PHI outlines within half a line height of the top or bottom edge reach it, others stay", "[rules]") {
  auto text = [](bool phi, Box box) {
    Finding f;
    f.kind = Kind::Text;
    f.category = phi ? "date" : "benign";
    f.phi = phi;
    f.box = box;
    return f;
  };
  Finding turned = text(true, {363, 0, 233, 36});  // a ward line turned 3 degrees, its top-left corner 1 px down
  turned.polygon = {{363, 23}, {364, 1}, {594, 12}, {593, 35}};
  std::vector<Finding> findings{text(true, {100, 8, 200, 22}),    // 8 px from the top: under half its height
                                text(true, {100, 60, 200, 22}),   // in the middle
                                text(true, {100, 170, 200, 22}),  // 8 px from the bottom
                                text(false, {400, 8, 200, 22}),   // benign: never grown
                                turned};
  extendToFrameEdge(findings, {kWidth, kHeight});
  CHECK(findings[0].box->y == 0);
  CHECK(findings[0].box->h == 30);
  CHECK(findings[1].box->y == 60);
  CHECK(findings[1].box->h == 22);
  CHECK(findings[2].box->y + findings[2].box->h == kHeight);
  CHECK(findings[3].box->y == 8);
  // the turned outline takes the edge above its near corners: the wedge over its top edge is covered
  cv::Mat1b mask = cv::Mat1b::zeros(kHeight, kWidth);
  std::vector<cv::Point> pts;
  for (const auto& p : findings[4].polygon) pts.emplace_back(p[0], p[1]);
  cv::fillPoly(mask, std::vector<std::vector<cv::Point>>{pts}, 255);
  CHECK(mask(0, 400) == 255);
  CHECK(mask(3, 580) == 255);
  CHECK(mask(35, 370) == 0);  // its bottom edge, far from the bottom, is unchanged
}
