// Decoder bombs: a progressive JPEG repeating its scans costs one pass over the image per scan; the scans are
// counted from the header walk and refused over the limit, and a JPEG decode stops at its deadline or on cancel.
#include "medpics/image/decode.hpp"

#include <catch2/catch.hpp>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <atomic>
#include <chrono>

using namespace medpics;

namespace {
std::string encode(int width, int height, bool progressive) {
  // Smooth content: the repeated refinement scans stay small, as in a bomb of 1 MB with thousands of scans.
  cv::Mat img(height, width, CV_8UC3);
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x)
      img.at<cv::Vec3b>(y, x) = cv::Vec3b(uchar(x * 255 / width), uchar(y * 255 / height), uchar((x + y) % 256));
  std::vector<uchar> out;
  cv::imencode(".jpg", img, out, {cv::IMWRITE_JPEG_QUALITY, 90, cv::IMWRITE_JPEG_PROGRESSIVE, progressive ? 1 : 0});
  return {out.begin(), out.end()};
}
// The file with its last scan (an AC refinement) repeated `extra` more times before the end-of-image marker.
std::string repeatLastScan(const std::string& jpeg, int extra) {
  const size_t lastScan = jpeg.rfind("\xFF\xDA");
  const std::string scan = jpeg.substr(lastScan, jpeg.size() - 2 - lastScan);
  std::string out = jpeg.substr(0, jpeg.size() - 2);
  for (int i = 0; i < extra; ++i) out += scan;
  return out + "\xFF\xD9";
}
double secondsSince(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}
}  // namespace

TEST_CASE("the header walk counts JPEG scans", "[decode-limits]") {
  image::HeaderInfo info;
  REQUIRE(image::readHeader(encode(64, 48, false), info));
  CHECK(info.scans == 1);
  const std::string progressive = encode(64, 48, true);
  REQUIRE(image::readHeader(progressive, info));
  const int scans = info.scans;
  CHECK(scans >= 6);
  CHECK(scans <= 20);
  REQUIRE(image::readHeader(repeatLastScan(progressive, 1000), info));
  CHECK(info.scans == scans + 1000);
}

TEST_CASE("a JPEG with more scans than the limit is refused before decoding, with a clear error", "[decode-limits]") {
  const std::string bomb = repeatLastScan(encode(1200, 900, true), 3000);
  const auto started = std::chrono::steady_clock::now();
  const image::DecodedImage d = image::decode(bomb);
  INFO(d.error);
  CHECK_FALSE(d.ok());
  CHECK(d.error.rfind("too many JPEG scans: ", 0) == 0);
  CHECK(d.error.find("(limit 64;") != std::string::npos);
  CHECK(secondsSince(started) < 2.0);  // generous: shared CI machine; the decode took 24 s before the limit
  // Within the limit the same kind of file decodes, to the same pixels as OpenCV's decoder.
  const std::string ok = repeatLastScan(encode(320, 240, true), 20);
  const image::DecodedImage fine = image::decode(ok);
  REQUIRE(fine.ok());
  const cv::Mat reference =
      cv::imdecode(cv::Mat(1, int(ok.size()), CV_8U, const_cast<char*>(ok.data())), cv::IMREAD_COLOR);
  CHECK(cv::norm(fine.bgr, reference, cv::NORM_INF) == 0);
}

TEST_CASE("a JPEG decode stops at its deadline or when cancelled", "[decode-limits]") {
  const std::string bomb = repeatLastScan(encode(1600, 1200, true), 2000);
  image::DecodeLimits limits;
  limits.maxJpegScans = 1'000'000;
  limits.maxDecodeSeconds = 0.2;
  auto started = std::chrono::steady_clock::now();
  const image::DecodedImage late = image::decode(bomb, limits);
  const double tookLate = secondsSince(started);
  INFO(late.error);
  CHECK(late.error == "decode took longer than the limit of 0.2 s");
  CHECK(tookLate < 2.0);

  std::atomic<bool> cancel{true};
  limits.maxDecodeSeconds = 60;
  limits.cancel = &cancel;
  started = std::chrono::steady_clock::now();
  const image::DecodedImage cancelled = image::decode(bomb, limits);
  CHECK(cancelled.error == "decode cancelled");
  CHECK(secondsSince(started) < 2.0);  // generous: shared CI machine; the decode took 24 s before the limit
}

TEST_CASE("a file of an accepted format that also carries a DICOM signature is refused before OpenCV decodes it",
          "[decode-limits]") {
  // The fuzzer's input: a WebP whose byte 128 starts "DICM", which OpenCV's imdecode hands to its DICOM decoder.
  std::vector<unsigned char> png;
  cv::Mat noise(64, 64, CV_8UC3);
  cv::randu(noise, 0, 255);
  REQUIRE(cv::imencode(".png", noise, png));
  REQUIRE(png.size() > 132);
  std::string bytes(png.begin(), png.end());
  CHECK(medpics::image::decode(bytes).ok());
  bytes.replace(128, 4, "DICM");
  const auto refused = medpics::image::decode(bytes);
  CHECK_FALSE(refused.ok());
  CHECK(refused.error.find("DICOM") != std::string::npos);
}
