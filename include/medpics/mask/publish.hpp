// The published variant of a post's images: regions burnt in at full resolution on the EXIF-oriented image, then
// re-encoded from pixels, so no EXIF / XMP / IPTC / comment survives and the orientation is baked in.
#pragma once
#include "medpics/image/decode.hpp"
#include "medpics/mask/region.hpp"

#include <opencv2/core.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace medpics::mask {

struct EncodedImage {
  std::string bytes;
  std::string contentType;  // "image/jpeg" | "image/png"
};

// PNG stays PNG (lossless); everything else becomes JPEG at `jpegQuality` (default 92, clamped to 1..100).
EncodedImage encodeForPublication(const cv::Mat& bgr, const std::string& originalContentType, int jpegQuality = 92);

// Content type of the published variant of an original: "image/png" for PNG, "image/jpeg" for everything else.
// Accepts a MIME type ("image/png") or a decoder format name ("png", "jpeg", "webp", ...).
std::string publishedContentType(std::string_view originalTypeOrFormat);

struct PublishOptions {
  int jpegQuality = 92;
  std::string format;          // "" keeps the original's family (PNG stays PNG, else JPEG); "png" | "jpeg"
  image::DecodeLimits limits;  // for images given as bytes
  bool keepPixels = true;      // PublishedImage::pixels holds the masked BGR image (for the residual check)
};

// One image of a post. Give either the original `bytes` (decoded with image::decode: size guard, EXIF orientation
// applied) or already decoded, oriented 8-bit BGR `pixels` (never modified: the burn-in works on a copy).
// Region geometry is in pixels of the ORIENTED image; regions partly outside it are clipped.
struct PostImage {
  std::string id;
  std::string bytes;
  cv::Mat pixels;
  std::string contentType;  // of the original, when `pixels` are given ("image/png" keeps PNG)
  std::vector<Region> regions;
  std::uint32_t seed = 0;  // mosaic noise seed (the one the preview used)
};

struct PublishedImage {
  std::string id;
  EncodedImage encoded;               // what is uploaded: masked, re-encoded, metadata-free
  cv::Mat pixels;                     // the masked, oriented BGR image that was encoded (when keepPixels)
  int width = 0, height = 0;          // oriented size
  int orientation = 1;                // EXIF orientation of the original that was baked in (bytes input only)
  std::vector<std::string> warnings;  // e.g. a region lying entirely outside the image
  std::string error;                  // non-empty: nothing may be published for this image
  bool ok() const { return error.empty() && !encoded.bytes.empty(); }
};

// Burns the accepted regions into one image and encodes the published variant. Never throws: bad input (corrupt,
// oversized or undecodable image, non-BGR pixels) gives `error`.
PublishedImage publishImage(const PostImage& image, const PublishOptions& options = {});

// Every image of a post, in order. The post may be published only when every result is ok() (see allOk).
std::vector<PublishedImage> publishPost(const std::vector<PostImage>& images, const PublishOptions& options = {});
bool allOk(const std::vector<PublishedImage>& published);

}  // namespace medpics::mask
