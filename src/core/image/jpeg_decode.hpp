// JPEG decoding through libjpeg with a progress monitor: a wall-clock bound and a cancel flag abort it.
#pragma once
#include <opencv2/core.hpp>

#include <atomic>
#include <string>
#include <string_view>

namespace medpics::image {

struct JpegDecodeOutcome {
  cv::Mat bgr;               // 8-bit BGR, stored orientation
  std::string error;         // non-empty when refused, aborted or corrupt
  bool unsupported = false;  // CMYK / YCCK: left to OpenCV (which converts them itself)
};

JpegDecodeOutcome decodeJpegBounded(std::string_view bytes, double maxSeconds, const std::atomic<bool>* cancel);

}  // namespace medpics::image
