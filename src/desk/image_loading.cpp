// Download + decode for the desk: runs on workers, produces a full-resolution BGR image and RGBA texture tiles.
#include "image_loading.hpp"

#include "medpics/image/decode.hpp"

#include <atomic>
#include <stdexcept>

namespace medpics::desk {
namespace {
std::atomic<int> gMaxTextureSize{8192};
}

void setMaxTextureSize(int size) { gMaxTextureSize = size; }
int maxTextureSize() { return gMaxTextureSize; }

DecodedImage decodeForDisplay(const std::string& bytes) {
  image::DecodedImage decoded = image::decode(bytes);
  if (!decoded.ok()) throw std::runtime_error(decoded.error.empty() ? "cannot decode the image" : decoded.error);
  auto tiles = makeTiles(decoded.bgr, maxTextureSize());
  return {std::make_shared<const std::string>(bytes), std::make_shared<const cv::Mat>(std::move(decoded.bgr)),
          std::move(tiles)};
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
