// Worker-side download and decode of an image for display (pixels stay in memory).
#pragma once
#include "image_tiles.hpp"

#include "medpics/api/platform_client.hpp"

#include <opencv2/core.hpp>

#include <memory>
#include <string>

namespace medpics::desk {

struct DecodedImage {
  std::shared_ptr<const std::string> bytes;  // the original file, for the detectors (memory only)
  std::shared_ptr<const cv::Mat> bgr;        // full resolution, EXIF orientation applied
  std::vector<RgbaTile> tiles;               // RGBA texture tiles, each at most maxTextureSize on a side
};

// Set once on the UI thread from GL_MAX_TEXTURE_SIZE.
void setMaxTextureSize(int size);
int maxTextureSize();

// Decodes bytes with the core's guarded decoder (size limits checked from the header, EXIF orientation
// applied); throws std::runtime_error with a clear message.
DecodedImage decodeForDisplay(const std::string& bytes);
// Downloads url with client and decodes it.
api::Result<DecodedImage> downloadAndDecode(api::PlatformClient& client, const std::string& url);

}  // namespace medpics::desk
