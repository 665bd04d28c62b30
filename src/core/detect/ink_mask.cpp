// Ink of a grey crop: Otsu threshold, the minority class as ink (see ink_mask.hpp).
#include "medpics/detect/ink_mask.hpp"

#include <opencv2/imgproc.hpp>

namespace medpics::detect {

cv::Mat inkMask(const cv::Mat& gray) {
  cv::Mat bin;
  cv::threshold(gray, bin, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
  if (cv::countNonZero(bin) > int(bin.total() / 2)) cv::bitwise_not(bin, bin);
  return bin;
}

}  // namespace medpics::detect
