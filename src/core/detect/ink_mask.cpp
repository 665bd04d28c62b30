// Ink of a grey crop: Otsu threshold, the minority class as ink, and its contrast with the paper (see ink_mask.hpp).
#include "medpics/detect/ink_mask.hpp"

#include <opencv2/imgproc.hpp>

#include <cmath>

namespace medpics::detect {

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

bool inkOfHeight(const cv::Mat& gray, const cv::Rect& line, int maxHeight) {
  const cv::Rect around =
      cv::Rect(line.x, line.y - line.height, line.width, 3 * line.height) & cv::Rect(0, 0, gray.cols, gray.rows);
  if (around.area() <= 0) return false;
  cv::Mat labels, stats, centroids;
  const int n = cv::connectedComponentsWithStats(inkMask(gray(around)), labels, stats, centroids, 8);
  const int middle = line.y + line.height / 2 - around.y;
  int crossing = 0, small = 0;
  for (int i = 1; i < n; ++i) {
    const int top = stats.at<int>(i, cv::CC_STAT_TOP), height = stats.at<int>(i, cv::CC_STAT_HEIGHT);
    if (top > middle || top + height <= middle) continue;
    ++crossing;
    const bool clipped = (top == 0 && around.y > 0) || (top + height == around.height && around.br().y < gray.rows);
    if (height <= maxHeight && !clipped) ++small;
  }
  return crossing > 0 && small >= 0.7 * crossing;
}

}  // namespace medpics::detect
