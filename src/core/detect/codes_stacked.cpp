// Stacked 2-D codes (PDF417) recognised undecoded from their start and stop guard bars.
#include "medpics/detect/codes_stacked.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace medpics::detect {

namespace {

// Columns [from, to) of the widest band of guard columns (ink in 80 % of the rows) within [lo, hi); {0, 0} when none.
std::pair<int, int> widestGuard(const cv::Mat& columnInk, int lo, int hi) {
  std::pair<int, int> best{0, 0};
  for (int x = lo; x < hi;) {
    if (columnInk.at<float>(0, x) < 0.8f) {
      ++x;
      continue;
    }
    int end = x;
    while (end < hi && columnInk.at<float>(0, end) >= 0.8f) ++end;
    if (end - x > best.second - best.first) best = {x, end};
    x = end;
  }
  return best;
}

// Mean number of ink/paper changes along the columns [from, to) of `bin` (ink 255).
double columnTransitions(const cv::Mat& bin, int from, int to) {
  double total = 0.0;
  for (int x = from; x < to; ++x)
    for (int y = 1; y < bin.rows; ++y) total += bin.at<uchar>(y, x) != bin.at<uchar>(y - 1, x);
  return total / std::max(1, to - from);
}

}  // namespace

bool showsStackedCodeGuards(const cv::Mat& gray) {
  // (a PDF417 is wider than tall: 2 to 3.3 times in the corpus; a block of settings closes into a square)
  if (gray.cols < 40 || gray.rows < 12 || gray.cols < 1.5 * gray.rows) return false;
  cv::Mat bin;
  cv::threshold(gray, bin, 0, 255, cv::THRESH_BINARY_INV | cv::THRESH_OTSU);
  // dark modules on light paper, about half inked (white print on a dark screen: its background is the dark class)
  if (cv::countNonZero(bin) > 0.7 * double(bin.total())) return false;
  // the middle rows (the blob's box of a turned symbol holds paper in its corners)
  const cv::Mat middle = bin.rowRange(bin.rows / 5, bin.rows - bin.rows / 5);
  cv::Mat columnInk;
  cv::reduce(middle, columnInk, 0, cv::REDUCE_AVG, CV_32F);
  columnInk /= 255.0f;
  const int minBar = std::max(3, int(std::lround(0.04 * gray.cols)));
  const auto start = widestGuard(columnInk, 0, gray.cols / 5);
  const auto stop = widestGuard(columnInk, gray.cols - gray.cols / 3, gray.cols);
  const int maxBar = int(0.15 * gray.cols);  // a guard's wide bar is 7-8 modules of 70 or more (a margin is wider)
  const auto guard = [&](std::pair<int, int> band) {
    return band.second - band.first >= minBar && band.second - band.first <= maxBar;
  };
  if (!guard(start) || !guard(stop)) return false;
  // each guard's wide bar ends sharply on the symbol's side, where codewords follow: within a quarter of its width
  // past its end, a column of paper (ink in half the rows or fewer; a space of one module follows the start's bar and
  // precedes the stop's), or, within three times that, a dip and then another bar (a 124 x 52 px PDF417 at q42 blurred
  // the space before its stop bar to 0.64-0.73 of the rows). The black surround of an ultrasound's sector, turned 30-60
  // degrees, darkens the columns along its slant gradually down to its speckle's half (3 "PDF417s" of 55-1336 px on
  // one image)
  const auto ink = [&](int x) { return x >= 0 && x < gray.cols ? columnInk.at<float>(0, x) : 0.f; };
  const auto endsSharply = [&](int x, int step, int width) {  // x: the first column past the bar, going away from it
    const int reach = std::max(2, width / 4) + 1;
    float lowest = 1.f;
    for (int i = 0; i < 3 * reach; ++i, x += step) {
      if (i < reach && ink(x) <= 0.5f) return true;
      lowest = std::min(lowest, ink(x));
      if (ink(x) >= 0.8f && lowest <= 0.7f) return true;
    }
    return false;
  };
  int startEnd = start.second, stopBegin = stop.first;  // the bars' ends (the bands stop at the search's bounds)
  while (ink(startEnd) >= 0.8f) ++startEnd;
  while (ink(stopBegin - 1) >= 0.8f) --stopBegin;
  if (!endsSharply(startEnd, 1, start.second - start.first) ||
      !endsSharply(stopBegin - 1, -1, stop.second - stop.first))
    return false;
  // between the guards, rows of codewords: changes down the columns (blurred 145 x 69 px PDF417s: 4.4-5.5 on average;
  // a bold word: under two, its stems and bars changing twice)
  return columnTransitions(bin, start.second, stop.first) >= 3.5;
}

}  // namespace medpics::detect
