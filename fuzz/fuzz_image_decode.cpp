// libFuzzer target: the guarded image loader (header limits, OpenCV decode, EXIF orientation) on any bytes.
#include "medpics/image/decode.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  medpics::image::DecodeLimits limits;
  limits.maxPixels = 4'000'000;  // keeps each run fast; the limit logic is the same
  limits.maxDecodedBytes = 64u << 20;
  const medpics::image::DecodedImage image = medpics::image::decode(bytes, limits);
  if (image.ok() == !image.error.empty()) std::abort();  // exactly one of pixels or an error
  if (image.ok() && (image.bgr.type() != CV_8UC3 || image.bgr.total() > limits.maxPixels)) std::abort();
  return 0;
}
