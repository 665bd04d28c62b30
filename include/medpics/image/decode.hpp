// Guarded image decoding: dimensions read from the header before decoding, size limits, EXIF orientation applied.
#pragma once
#include <opencv2/core.hpp>

#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>

namespace medpics::image {

struct DecodeLimits {
  std::uint64_t maxPixels = 100'000'000;       // 100 megapixels
  std::uint64_t maxDecodedBytes = 1ull << 30;  // 1 GiB once decoded (8-bit BGR)
  // Each JPEG scan is one more pass over the whole image (a progressive file has about 10; 5,000 repeated
  // scans of a 100 MP image took over 60 s): more than this is refused from the header walk.
  int maxJpegScans = 64;
  // Wall-clock bound of one JPEG decode (libjpeg's progress monitor aborts it), and an optional flag that
  // cancels it from another thread.
  double maxDecodeSeconds = 20.0;
  const std::atomic<bool>* cancel = nullptr;
};

// What the header says, without decoding pixels.
struct HeaderInfo {
  std::string format;  // "jpeg", "png", "gif", "bmp", "webp", "tiff"; empty when unknown
  int width = 0;       // stored (not yet oriented) dimensions
  int height = 0;
  int scans = 0;  // JPEG: start-of-scan markers in the file (1 for baseline, ~10 for progressive)
};

struct DecodedImage {
  cv::Mat bgr;          // 8-bit BGR, oriented (EXIF orientation applied)
  int orientation = 1;  // EXIF orientation tag that was applied (1 = none)
  std::string format;
  std::string error;  // non-empty when decoding was refused or failed; bgr is then empty
  bool ok() const { return error.empty() && !bgr.empty(); }
};

// Reads the image dimensions from the header bytes; returns false when the format or header is not recognised.
bool readHeader(std::string_view bytes, HeaderInfo& info);

// EXIF orientation (1..8) of a JPEG/TIFF/PNG/WebP buffer; 1 when absent or unreadable.
int readExifOrientation(std::string_view bytes);

// Applies an EXIF orientation (1..8) to an image.
cv::Mat applyOrientation(const cv::Mat& image, int orientation);

// Checks the header against the limits, decodes to 8-bit BGR and applies the EXIF orientation.
DecodedImage decode(std::string_view bytes, const DecodeLimits& limits = {});

}  // namespace medpics::image
