// encodeForPublication: OpenCV encoders write pixels only (no metadata blocks).
#include "medpics/mask/publish.hpp"

#include <opencv2/imgcodecs.hpp>

#include <algorithm>
#include <stdexcept>

namespace medpics::mask {

EncodedImage encodeForPublication(const cv::Mat& bgr, const std::string& originalContentType, int jpegQuality) {
  if (bgr.empty()) throw std::invalid_argument("nothing to encode");
  std::vector<uchar> buffer;
  EncodedImage out;
  if (originalContentType == "image/png") {
    if (!cv::imencode(".png", bgr, buffer)) throw std::runtime_error("PNG encoding failed");
    out.contentType = "image/png";
  } else {
    const int quality = std::clamp(jpegQuality, 1, 100);
    if (!cv::imencode(".jpg", bgr, buffer, {cv::IMWRITE_JPEG_QUALITY, quality}))
      throw std::runtime_error("JPEG encoding failed");
    out.contentType = "image/jpeg";
  }
  out.bytes.assign(buffer.begin(), buffer.end());
  return out;
}

}  // namespace medpics::mask
