// Encoding of the published variant: re-encoded from pixels, so no EXIF / XMP / IPTC / comment survives.
#pragma once
#include <opencv2/core.hpp>

#include <string>

namespace medpics::mask {

struct EncodedImage {
  std::string bytes;
  std::string contentType;  // "image/jpeg" | "image/png"
};

// PNG stays PNG (lossless); everything else becomes JPEG at `jpegQuality` (default 92).
EncodedImage encodeForPublication(const cv::Mat& bgr, const std::string& originalContentType, int jpegQuality = 92);

}  // namespace medpics::mask
