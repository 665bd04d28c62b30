// Ink of a grey crop: Otsu threshold, the minority class as ink, and its contrast with the paper (see ink_mask.hpp).
#include "medpics/detect/ink_mask.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

namespace medpics::detect {

cv::Mat printGray(const cv::Mat& bgr) {
  if (bgr.channels() != 3) return bgr;
  cv::Mat gray;
  cv::cvtColor(bgr, gray, cv::COLOR_BGR2GRAY);
  if (bgr.total() < 4) return gray;
  cv::Scalar mean, spread;
  cv::meanStdDev(gray, mean, spread);
  double best = 2 * spread[0];
  int pick = -1;
  cv::Mat channels[3];
  cv::split(bgr, channels);
  for (int c = 0; c < 3; ++c) {
    cv::meanStdDev(channels[c], mean, spread);
    if (spread[0] > best) {
      best = spread[0];
      pick = c;
    }
  }
  return pick < 0 ? gray : channels[pick];
}

cv::Mat inkMask(const cv::Mat& gray) {
  cv::Mat bin;
  cv::threshold(gray, bin, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
  if (cv::countNonZero(bin) > int(bin.total() / 2)) cv::bitwise_not(bin, bin);
  return bin;
}

double inkContrast(const cv::Mat& gray) {
  if (gray.empty()) return 0;
  const cv::Mat ink = inkMask(gray);
  const int inked = cv::countNonZero(ink);
  if (inked == 0 || inked == int(ink.total())) return 0;
  return std::abs(cv::mean(gray, ink)[0] - cv::mean(gray, ~ink)[0]);
}

namespace {

// An ink shape crossing the middle row of a line: its rows in the image, and whether the window cut it.
struct CrossingShape {
  int top = 0, height = 0;
  bool clipped = false;
};

// The ink shapes that cross the middle row of `line`, binarised within the line and a line height above and below it.
std::vector<CrossingShape> shapesCrossing(const cv::Mat& gray, const cv::Rect& line) {
  const cv::Rect around =
      cv::Rect(line.x, line.y - line.height, line.width, 3 * line.height) & cv::Rect(0, 0, gray.cols, gray.rows);
  if (around.area() <= 0) return {};
  cv::Mat labels, stats, centroids;
  const int n = cv::connectedComponentsWithStats(inkMask(gray(around)), labels, stats, centroids, 8);
  const int middle = line.y + line.height / 2 - around.y;
  std::vector<CrossingShape> shapes;
  for (int i = 1; i < n; ++i) {
    const int top = stats.at<int>(i, cv::CC_STAT_TOP), height = stats.at<int>(i, cv::CC_STAT_HEIGHT);
    if (top > middle || top + height <= middle) continue;
    const bool clipped = (top == 0 && around.y > 0) || (top + height == around.height && around.br().y < gray.rows);
    shapes.push_back({around.y + top, height, clipped});
  }
  return shapes;
}

}  // namespace

bool inkOfHeight(const cv::Mat& gray, const cv::Rect& line, int maxHeight) {
  const std::vector<CrossingShape> shapes = shapesCrossing(gray, line);
  const auto small = std::count_if(shapes.begin(), shapes.end(),
                                   [&](const CrossingShape& s) { return s.height <= maxHeight && !s.clipped; });
  return !shapes.empty() && double(small) >= 0.7 * double(shapes.size());
}

cv::Range inkRowsAcross(const cv::Mat& gray, const cv::Rect& line, int maxHeight) {
  int first = INT32_MAX, last = INT32_MIN;
  for (const CrossingShape& s : shapesCrossing(gray, line)) {
    if (s.height > maxHeight || s.clipped) continue;
    first = std::min(first, s.top);
    last = std::max(last, s.top + s.height);
  }
  return first < last ? cv::Range(first, last) : cv::Range(0, 0);
}

}  // namespace medpics::detect
