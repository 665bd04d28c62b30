// Image byte builders for the corpora: zlib for PNG, libjpeg for CMYK, libwebpmux for animation.
#include "image_builders.hpp"

#include <jpeglib.h>
#include <webp/encode.h>
#include <webp/mux.h>
#include <zlib.h>

#include <cstdio>
#include <cstdlib>
#include <stdexcept>

namespace medpics::corpus {

std::string be32(std::uint32_t v) { return {char(v >> 24), char(v >> 16), char(v >> 8), char(v)}; }

std::string pngChunk(const std::string& type, const std::string& data) {
  std::string crcInput = type + data;
  const uLong crc = crc32(0, reinterpret_cast<const Bytef*>(crcInput.data()), uInt(crcInput.size()));
  return be32(std::uint32_t(data.size())) + crcInput + be32(std::uint32_t(crc));
}

std::string pngFile(std::uint32_t width, std::uint32_t height, int bitDepth, int colorType,
                    const std::string& scanlines,
                    const std::vector<std::pair<std::string, std::string>>& chunksBeforeData,
                    const std::vector<std::pair<std::string, std::string>>& chunksAfterData) {
  std::string ihdr = be32(width) + be32(height);
  ihdr += char(bitDepth);
  ihdr += char(colorType);
  ihdr += std::string(3, '\0');  // compression, filter, interlace
  uLongf size = compressBound(uLong(scanlines.size()));
  std::string compressed(size, '\0');
  if (compress2(reinterpret_cast<Bytef*>(compressed.data()), &size, reinterpret_cast<const Bytef*>(scanlines.data()),
                uLong(scanlines.size()), 9) != Z_OK)
    throw std::runtime_error("zlib compress failed");
  compressed.resize(size);
  std::string png = "\x89PNG\r\n\x1a\n";
  png += pngChunk("IHDR", ihdr);
  for (const auto& [type, data] : chunksBeforeData) png += pngChunk(type, data);
  png += pngChunk("IDAT", compressed);
  for (const auto& [type, data] : chunksAfterData) png += pngChunk(type, data);
  png += pngChunk("IEND", "");
  return png;
}

std::string cmykJpeg(int width, int height) {
  jpeg_compress_struct cinfo{};
  jpeg_error_mgr jerr{};
  cinfo.err = jpeg_std_error(&jerr);
  jpeg_create_compress(&cinfo);
  unsigned char* out = nullptr;
  unsigned long outSize = 0;
  jpeg_mem_dest(&cinfo, &out, &outSize);
  cinfo.image_width = JDIMENSION(width);
  cinfo.image_height = JDIMENSION(height);
  cinfo.input_components = 4;
  cinfo.in_color_space = JCS_CMYK;
  jpeg_set_defaults(&cinfo);
  jpeg_start_compress(&cinfo, TRUE);
  std::vector<unsigned char> row(std::size_t(width) * 4);
  while (cinfo.next_scanline < cinfo.image_height) {
    for (int x = 0; x < width; ++x) {
      row[x * 4 + 0] = static_cast<unsigned char>(x * 255 / std::max(1, width - 1));
      row[x * 4 + 1] = static_cast<unsigned char>(cinfo.next_scanline * 255 / std::max(1, height - 1));
      row[x * 4 + 2] = 64;
      row[x * 4 + 3] = 16;
    }
    JSAMPROW rows[1] = {row.data()};
    jpeg_write_scanlines(&cinfo, rows, 1);
  }
  jpeg_finish_compress(&cinfo);
  jpeg_destroy_compress(&cinfo);
  std::string bytes(reinterpret_cast<char*>(out), outSize);
  std::free(out);
  return bytes;
}

std::string animatedGif() {
  const unsigned char header[] = {'G', 'I', 'F', '8',  '9',  'a',  1,    0,    1,    0,   0x80, 0,   0,
                                  0,   0,   0,   0xFF, 0xFF, 0xFF, 0x21, 0xFF, 0x0B, 'N', 'E',  'T', 'S',
                                  'C', 'A', 'P', 'E',  '2',  '.',  '0',  3,    1,    0,   0,    0};
  const unsigned char frame[] = {0x21, 0xF9, 4, 0, 10, 0, 0, 0, 0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 0x01, 0};
  std::string gif(reinterpret_cast<const char*>(header), sizeof header);
  for (int i = 0; i < 2; ++i) gif.append(reinterpret_cast<const char*>(frame), sizeof frame);
  gif += ';';
  return gif;
}

std::string animatedWebp(int width, int height) {
  WebPAnimEncoderOptions options;
  WebPAnimEncoderOptionsInit(&options);
  WebPAnimEncoder* encoder = WebPAnimEncoderNew(width, height, &options);
  WebPConfig config;
  WebPConfigInit(&config);
  int timestamp = 0;
  for (int frame = 0; frame < 2; ++frame) {
    WebPPicture picture;
    WebPPictureInit(&picture);
    picture.width = width;
    picture.height = height;
    picture.use_argb = 1;
    WebPPictureAlloc(&picture);
    for (int i = 0; i < width * height; ++i) picture.argb[i] = frame ? 0xFF2060A0u : 0xFFA06020u;
    WebPAnimEncoderAdd(encoder, &picture, timestamp, &config);
    WebPPictureFree(&picture);
    timestamp += 100;
  }
  WebPAnimEncoderAdd(encoder, nullptr, timestamp, nullptr);
  WebPData data;
  WebPDataInit(&data);
  WebPAnimEncoderAssemble(encoder, &data);
  std::string bytes(reinterpret_cast<const char*>(data.bytes), data.size);
  WebPDataClear(&data);
  WebPAnimEncoderDelete(encoder);
  return bytes;
}

std::string exifBlock(int entries, int valueBytes, int orientation) {
  auto be16 = [](std::uint16_t v) { return std::string{char(v >> 8), char(v)}; };
  const int count = entries + 1;
  const std::uint32_t ifdSize = 2 + 12u * std::uint32_t(count) + 4;
  const std::uint32_t valueOffset = 8 + ifdSize;
  std::string b = "MM";
  b += be16(42) + be32(8) + be16(std::uint16_t(count));
  b += be16(0x0112) + be16(3) + be32(1) + be16(std::uint16_t(orientation)) + be16(0);  // Orientation, SHORT
  for (int i = 0; i < entries; ++i)  // private tags 0xC000.., UNDEFINED, all sharing one value
    b += be16(std::uint16_t(0xC000 + i % 0x3000)) + be16(7) + be32(std::uint32_t(valueBytes)) + be32(valueOffset);
  b += be32(0);
  b += std::string(std::size_t(valueBytes), 'E');
  return b;
}

std::string withJpegExif(const std::string& jpeg, const std::string& exif) {
  const std::string payload = std::string("Exif\0\0", 6) + exif;
  const std::size_t length = payload.size() + 2;
  if (length > 0xFFFF) throw std::runtime_error("EXIF block too large for one APP1 segment");
  std::string app1 = "\xFF\xE1";
  app1 += char(length >> 8);
  app1 += char(length & 0xFF);
  return jpeg.substr(0, 2) + app1 + payload + jpeg.substr(2);
}

bool patchJpegSize(std::string& jpeg, std::uint16_t width, std::uint16_t height) {
  for (std::size_t i = 2; i + 9 < jpeg.size(); ++i) {
    const auto m = std::uint8_t(jpeg[i + 1]);
    if (std::uint8_t(jpeg[i]) == 0xFF && (m == 0xC0 || m == 0xC2)) {
      jpeg[i + 5] = char(height >> 8), jpeg[i + 6] = char(height);
      jpeg[i + 7] = char(width >> 8), jpeg[i + 8] = char(width);
      return true;
    }
  }
  return false;
}

bool patchTiffSize(std::string& tiff, std::uint32_t width, std::uint32_t height) {
  if (tiff.size() < 8 || tiff.compare(0, 2, "II") != 0) return false;
  auto le16 = [&](std::size_t i) {
    return std::uint32_t(std::uint8_t(tiff[i])) | std::uint32_t(std::uint8_t(tiff[i + 1])) << 8;
  };
  auto le32 = [&](std::size_t i) { return le16(i) | le16(i + 2) << 16; };
  auto put32 = [&](std::size_t i, std::uint32_t v) {
    for (int k = 0; k < 4; ++k) tiff[i + k] = char(v >> (8 * k));
  };
  const std::size_t ifd = le32(4);
  if (ifd + 2 > tiff.size()) return false;
  const std::uint32_t n = le16(ifd);
  int patched = 0;
  for (std::uint32_t e = 0; e < n && ifd + 2 + 12 * (e + 1) <= tiff.size(); ++e) {
    const std::size_t at = ifd + 2 + 12 * e;
    const std::uint32_t tag = le16(at);
    if (tag != 0x100 && tag != 0x101) continue;
    tiff[at + 2] = 4, tiff[at + 3] = 0;  // type LONG
    put32(at + 8, tag == 0x100 ? width : height);
    ++patched;
  }
  return patched == 2;
}

bool patchWebpSize(std::string& webp, std::uint16_t width, std::uint16_t height) {
  if (webp.size() < 30 || webp.compare(12, 4, "VP8 ") != 0) return false;
  webp[26] = char(width & 0xFF), webp[27] = char((width >> 8) & 0x3F);
  webp[28] = char(height & 0xFF), webp[29] = char((height >> 8) & 0x3F);
  return true;
}

bool patchBmpSize(std::string& bmp, std::int32_t width, std::int32_t height) {
  if (bmp.size() < 26 || bmp.compare(0, 2, "BM") != 0) return false;
  for (int k = 0; k < 4; ++k) {
    bmp[18 + k] = char(std::uint32_t(width) >> (8 * k));
    bmp[22 + k] = char(std::uint32_t(height) >> (8 * k));
  }
  return true;
}

}  // namespace medpics::corpus
