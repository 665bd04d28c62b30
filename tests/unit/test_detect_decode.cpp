// Unit tests of the guarded decoder: header limits, corrupt/truncated/empty input, EXIF orientation.
#include "medpics/image/decode.hpp"
#include "test_detect_support.hpp"

#include <catch2/catch.hpp>
#include <exiv2/exiv2.hpp>

using namespace medpics;

TEST_CASE("decode: valid PNG and JPEG, header dimensions") {
  cv::Mat img(30, 40, CV_8UC3, cv::Scalar(10, 20, 30));
  for (const char* ext : {".png", ".jpg", ".bmp", ".tiff", ".webp"}) {
    INFO(ext);
    const std::string bytes = test::encode(img, ext);
    image::HeaderInfo h;
    REQUIRE(image::readHeader(bytes, h));
    CHECK(h.width == 40);
    CHECK(h.height == 30);
    const auto d = image::decode(bytes);
    REQUIRE(d.ok());
    CHECK(d.bgr.cols == 40);
  }
}

TEST_CASE("decode: empty, garbage, truncated files give errors") {
  CHECK(image::decode("").error == "empty file");
  CHECK_FALSE(image::decode(std::string(1000, 'x')).ok());
  cv::Mat img(200, 300, CV_8UC3);
  cv::randu(img, 0, 255);
  const std::string jpeg = test::encode(img, ".jpg"), png = test::encode(img, ".png");
  for (const std::string& full : {jpeg, png}) {
    for (std::size_t keep : {std::size_t(10), std::size_t(30), full.size() / 2, full.size() - 3}) {
      const auto d = image::decode(full.substr(0, keep));
      CHECK_FALSE(d.ok());
      CHECK_FALSE(d.error.empty());
    }
  }
  std::string corrupt = png;
  for (std::size_t i = 100; i < corrupt.size() - 20; i += 7) corrupt[i] = char(corrupt[i] ^ 0x5A);
  CHECK_FALSE(image::decode(corrupt).ok());
}

TEST_CASE("decode: huge images are refused from the header, before decoding") {
  // A PNG header claiming 20000 x 20000 pixels (400 MP), followed by nothing useful.
  cv::Mat tiny(1, 1, CV_8UC3);
  std::string png = test::encode(tiny, ".png");
  auto put32 = [&](std::size_t at, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) png[at + i] = char((v >> (24 - 8 * i)) & 0xFF);
  };
  put32(16, 20000);
  put32(20, 20000);
  const auto d = image::decode(png);
  CHECK_FALSE(d.ok());
  CHECK(d.error.find("too large") != std::string::npos);
  // 12000 x 9000 = 108 MP is over the 100 MP limit; a custom byte limit applies too
  put32(16, 12000);
  put32(20, 9000);
  CHECK(image::decode(png).error.find("too large") != std::string::npos);
  image::DecodeLimits small;
  small.maxDecodedBytes = 1000;
  CHECK(image::decode(test::encode(cv::Mat(100, 100, CV_8UC3, cv::Scalar::all(0))), small).error.find("too large") !=
        std::string::npos);
}

TEST_CASE("decode: EXIF orientation is applied") {
  cv::Mat img(20, 60, CV_8UC3, cv::Scalar::all(0));
  img(cv::Rect(0, 0, 10, 20)).setTo(cv::Scalar::all(255));  // white band on the left
  const std::string jpeg = test::encode(img, ".jpg");
  auto image = Exiv2::ImageFactory::open(reinterpret_cast<const Exiv2::byte*>(jpeg.data()), long(jpeg.size()));
  image->readMetadata();
  image->exifData()["Exif.Image.Orientation"] = uint16_t(6);  // rotate 90° clockwise to display
  image->writeMetadata();
  auto& io = image->io();
  io.seek(0, Exiv2::BasicIo::beg);
  const Exiv2::DataBuf buf = io.read(long(io.size()));
  const std::string rotated(reinterpret_cast<const char*>(buf.pData_), std::size_t(buf.size_));
  CHECK(image::readExifOrientation(rotated) == 6);
  const auto d = image::decode(rotated);
  REQUIRE(d.ok());
  CHECK(d.orientation == 6);
  CHECK(d.bgr.cols == 20);
  CHECK(d.bgr.rows == 60);
  CHECK(cv::mean(d.bgr(cv::Rect(0, 0, 20, 8)))[0] > 200);  // the left band is now at the top
}
