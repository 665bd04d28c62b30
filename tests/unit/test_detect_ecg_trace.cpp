// ECG trace test (grid_removal.hpp): a rhythm strip cut by a text region is a trace; a line of text, underlined or
// not, is not.
#include "medpics/detect/grid_removal.hpp"

#include <catch2/catch.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>

using namespace medpics::detect;

namespace {

// A strip `height` px high of beats every `period` px: P and T waves and the base of the QRS, whose spike leaves the
// strip (as in a text region laid over the rhythm strip).
cv::Mat rhythmStrip(int width, int height, int period) {
  cv::Mat strip(height, width, CV_8U, cv::Scalar(250));
  const int base = height * 3 / 4;
  std::vector<cv::Point> curve;
  for (int x = 0; x < width; ++x) {
    const double t = double(x % period) / period;
    double y = base;
    y -= 0.25 * height * std::exp(-std::pow((t - 0.15) / 0.04, 2));  // P
    y -= 0.45 * height * std::exp(-std::pow((t - 0.55) / 0.07, 2));  // T
    y -= 2.0 * height * std::exp(-std::pow((t - 0.3) / 0.012, 2));   // QRS, clipped by the strip's top
    curve.emplace_back(x, int(std::lround(y)));
  }
  cv::polylines(strip, curve, false, cv::Scalar(20), 3, cv::LINE_AA);
  return strip;
}

}  // namespace

TEST_CASE("an ECG rhythm strip in a text region is a trace, a text line, even underlined, is not", "[rules]") {
  CHECK(looksLikeTrace(rhythmStrip(3400, 180, 320)));
  CHECK(looksLikeTrace(rhythmStrip(900, 80, 300)));
  cv::Mat line(40, 700, CV_8U, cv::Scalar(250));
  cv::putText(line, "Nom : Van Der Berg, Loic   IPP 1603858024", {6, 28}, cv::FONT_HERSHEY_SIMPLEX, 0.8, cv::Scalar(20),
              2);
  CHECK_FALSE(looksLikeTrace(line));
  cv::line(line, {4, 36}, {690, 36}, cv::Scalar(20), 2);  // underlined
  CHECK_FALSE(looksLikeTrace(line));
  cv::Mat small(16, 200, CV_8U, cv::Scalar(250));  // 8 px print whose letters touch
  cv::putText(small, "DAVID^ELODIE 07/11/1965", {2, 12}, cv::FONT_HERSHEY_PLAIN, 0.8, cv::Scalar(40), 1);
  CHECK_FALSE(looksLikeTrace(small));
}
