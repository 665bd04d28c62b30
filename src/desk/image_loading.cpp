// Download + decode for the desk: runs on workers, produces a full-resolution BGR image and RGBA texture tiles.
#include "image_loading.hpp"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <atomic>
#include <stdexcept>

namespace medpics::desk {
namespace {
std::atomic<int> gMaxTextureSize{8192};
}

void setMaxTextureSize(int size) { gMaxTextureSize = size; }
int maxTextureSize() { return gMaxTextureSize; }

DecodedImage decodeForDisplay(const std::string& bytes) {
  if (bytes.empty()) throw std::runtime_error("empty image file");
  cv::Mat bgr;
  try {
    bgr = cv::imdecode(cv::Mat(1, static_cast<int>(bytes.size()), CV_8UC1, const_cast<char*>(bytes.data())),
                       cv::IMREAD_COLOR);
  } catch (const cv::Exception& e) {
    throw std::runtime_error(std::string("cannot decode the image: ") + e.what());
  }
  if (bgr.empty()) throw std::runtime_error("cannot decode the image (corrupt or unsupported format)");
  auto tiles = gl::makeTiles(bgr, maxTextureSize());
  return {std::make_shared<const cv::Mat>(std::move(bgr)), std::move(tiles)};
}

api::Result<DecodedImage> downloadAndDecode(api::PlatformClient& client, const std::string& url) {
  auto bytes = client.download(url);
  if (!bytes) return bytes.error();
  try {
    return decodeForDisplay(bytes->data);
  } catch (const std::exception& e) {
    return api::ApiError{200, "decode_error", e.what()};
  }
}

}  // namespace medpics::desk
