// Publication: guarded decode (orientation baked in), burn-in, re-encoding from pixels (OpenCV encoders write no
// metadata blocks: no EXIF, XMP, IPTC, ICC or comment segment).
#include "medpics/mask/publish.hpp"

#include "medpics/mask/burn_in.hpp"

#include <opencv2/imgcodecs.hpp>

#include <algorithm>
#include <cctype>
#include <exception>
#include <stdexcept>

namespace medpics::mask {

namespace {
std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}
}  // namespace

std::string publishedContentType(std::string_view originalTypeOrFormat) {
  const std::string t = lower(originalTypeOrFormat);
  return t == "image/png" || t == "png" ? "image/png" : "image/jpeg";
}

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

PublishedImage publishImage(const PostImage& image, const PublishOptions& options) {
  PublishedImage out;
  out.id = image.id;
  try {
    cv::Mat pixels;
    std::string type;
    if (!image.pixels.empty()) {
      if (image.pixels.type() != CV_8UC3) throw std::invalid_argument("expected 8-bit BGR pixels");
      pixels = image.pixels.clone();
      type = publishedContentType(image.contentType);
    } else {
      image::DecodedImage decoded = image::decode(image.bytes, options.limits);
      if (!decoded.ok()) {
        out.error = decoded.error.empty() ? "cannot decode the image" : decoded.error;
        return out;
      }
      pixels = std::move(decoded.bgr);
      out.orientation = decoded.orientation;
      type = publishedContentType(decoded.format);
    }
    if (!options.format.empty()) {
      const std::string f = lower(options.format);
      if (f == "png")
        type = "image/png";
      else if (f == "jpeg" || f == "jpg")
        type = "image/jpeg";
      else
        throw std::invalid_argument("unknown output format '" + options.format + "' (png or jpeg)");
    }
    out.width = pixels.cols;
    out.height = pixels.rows;
    const cv::Rect whole(0, 0, pixels.cols, pixels.rows);
    for (std::size_t i = 0; i < image.regions.size(); ++i) {
      const Region& r = image.regions[i];
      if (r.masks() && (r.bounds() & whole).area() == 0)
        out.warnings.push_back("region " + std::to_string(i + 1) + " lies entirely outside the " +
                               std::to_string(pixels.cols) + "x" + std::to_string(pixels.rows) + " image");
    }
    burnIn(pixels, image.regions, image.seed);
    out.encoded = encodeForPublication(pixels, type, options.jpegQuality);
    if (options.keepPixels) out.pixels = std::move(pixels);
  } catch (const std::exception& e) {
    out.error = e.what();
    out.encoded = {};
  }
  return out;
}

std::vector<PublishedImage> publishPost(const std::vector<PostImage>& images, const PublishOptions& options) {
  std::vector<PublishedImage> out;
  out.reserve(images.size());
  for (const auto& image : images) out.push_back(publishImage(image, options));
  return out;
}

bool allOk(const std::vector<PublishedImage>& published) {
  return !published.empty() &&
         std::all_of(published.begin(), published.end(), [](const PublishedImage& p) { return p.ok(); });
}

}  // namespace medpics::mask
