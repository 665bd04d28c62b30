// Guarded decode: header limits (size, JPEG scans) first, then libjpeg under a deadline for JPEG (OpenCV for the
// other formats) without rotation, then EXIF orientation from Exiv2.
#include "medpics/image/decode.hpp"

#include "jpeg_decode.hpp"

#include <exiv2/exiv2.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/core.hpp>

#include <exception>

namespace medpics::image {

int readExifOrientation(std::string_view bytes) {
  try {
    Exiv2::LogMsg::setLevel(Exiv2::LogMsg::mute);
    auto img = Exiv2::ImageFactory::open(reinterpret_cast<const Exiv2::byte*>(bytes.data()), long(bytes.size()));
    if (!img.get()) return 1;
    img->readMetadata();
    auto& exif = img->exifData();
    auto it = exif.findKey(Exiv2::ExifKey("Exif.Image.Orientation"));
    if (it == exif.end() || it->count() == 0) return 1;
    long v = it->toLong();
    return v >= 1 && v <= 8 ? int(v) : 1;
  } catch (...) {
    return 1;
  }
}

cv::Mat applyOrientation(const cv::Mat& image, int orientation) {
  cv::Mat out;
  switch (orientation) {
    case 2: cv::flip(image, out, 1); break;
    case 3: cv::rotate(image, out, cv::ROTATE_180); break;
    case 4: cv::flip(image, out, 0); break;
    case 5: cv::transpose(image, out); break;
    case 6: cv::rotate(image, out, cv::ROTATE_90_CLOCKWISE); break;
    case 7:
      cv::transpose(image, out);
      cv::rotate(out, out, cv::ROTATE_180);
      break;
    case 8: cv::rotate(image, out, cv::ROTATE_90_COUNTERCLOCKWISE); break;
    default: out = image; break;
  }
  return out;
}

DecodedImage decode(std::string_view bytes, const DecodeLimits& limits) {
  DecodedImage result;
  if (bytes.empty()) {
    result.error = "empty file";
    return result;
  }
  HeaderInfo header;
  if (!readHeader(bytes, header)) {
    result.error = header.format.empty() ? "unrecognised image format (expected JPEG, PNG, BMP, WebP or TIFF)"
                                         : "corrupt " + header.format + " header";
    return result;
  }
  result.format = header.format;
  if (header.format == "gif") {
    result.error = "GIF images are not supported";
    return result;
  }
  if (header.format.ends_with("-truncated")) {
    result.error = "truncated image (" + header.format.substr(0, header.format.find('-')) + " end marker missing)";
    return result;
  }
  const std::uint64_t pixels = std::uint64_t(header.width) * std::uint64_t(header.height);
  if (pixels > limits.maxPixels) {
    result.error = "image too large: " + std::to_string(header.width) + "x" + std::to_string(header.height) + " (" +
                   std::to_string(pixels / 1'000'000) + " MP; limit " + std::to_string(limits.maxPixels / 1'000'000) +
                   " MP)";
    return result;
  }
  if (pixels * 3 > limits.maxDecodedBytes) {
    result.error = "image too large once decoded: " + std::to_string(pixels * 3 >> 20) + " MiB (limit " +
                   std::to_string(limits.maxDecodedBytes >> 20) + " MiB)";
    return result;
  }
  if (header.format == "jpeg" && header.scans > limits.maxJpegScans) {
    result.error = "too many JPEG scans: " + std::to_string(header.scans) + " (limit " +
                   std::to_string(limits.maxJpegScans) + "; each scan is one more pass over the image)";
    return result;
  }
  // OpenCV's imdecode picks its decoder by signature, DICOM (gdcm) among them: "DICM" at offset 128 would be decoded
  // as DICOM, past the limits checked above for the declared format (found by fuzz_image_decode: 2.6 GB allocated).
  if (header.format != "jpeg" && bytes.size() >= 132 && bytes.substr(128, 4) == "DICM") {
    result.error = "ambiguous " + header.format + " file: it also carries a DICOM signature (refused)";
    return result;
  }
  try {
    cv::Mat decoded;
    if (header.format == "jpeg") {
      JpegDecodeOutcome jpeg = decodeJpegBounded(bytes, limits.maxDecodeSeconds, limits.cancel);
      if (!jpeg.unsupported && !jpeg.error.empty()) {
        result.error = jpeg.error;
        return result;
      }
      decoded = jpeg.bgr;
    }
    if (decoded.empty()) {
      cv::Mat raw(1, int(bytes.size()), CV_8U, const_cast<char*>(bytes.data()));
      decoded = cv::imdecode(raw, cv::IMREAD_COLOR | cv::IMREAD_IGNORE_ORIENTATION);
    }
    if (decoded.empty()) {
      result.error = "corrupt " + header.format + " image (decoder failed)";
      return result;
    }
    if (decoded.cols != header.width || decoded.rows != header.height) {
      result.error = "corrupt " + header.format + " image (decoded size differs from header)";
      return result;
    }
    result.orientation = readExifOrientation(bytes);
    result.bgr = applyOrientation(decoded, result.orientation);
  } catch (const std::exception& e) {
    result.error = std::string("corrupt image: ") + e.what();
  }
  return result;
}

}  // namespace medpics::image
