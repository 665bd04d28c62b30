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

}  // namespace medpics::detect
