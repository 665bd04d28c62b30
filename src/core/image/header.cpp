// Reads image dimensions from JPEG, PNG, BMP, WebP, TIFF and GIF headers without decoding pixels.
#include "medpics/image/decode.hpp"

#include <algorithm>
#include <climits>
#include <cstdint>
#include <cstring>

namespace medpics::image {
namespace {

std::uint32_t be16(std::string_view b, std::size_t i) {
  return (std::uint32_t(std::uint8_t(b[i])) << 8) | std::uint8_t(b[i + 1]);
}
std::uint32_t be32(std::string_view b, std::size_t i) { return (be16(b, i) << 16) | be16(b, i + 2); }
std::uint32_t le16(std::string_view b, std::size_t i) {
  return std::uint8_t(b[i]) | (std::uint32_t(std::uint8_t(b[i + 1])) << 8);
}
std::uint32_t le32(std::string_view b, std::size_t i) { return le16(b, i) | (le16(b, i + 2) << 16); }
std::uint32_t le24(std::string_view b, std::size_t i) {
  return le16(b, i) | (std::uint32_t(std::uint8_t(b[i + 2])) << 16);
}

bool startsWith(std::string_view b, std::string_view magic) { return b.substr(0, magic.size()) == magic; }

bool isSofMarker(std::uint8_t m) { return m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC; }

// Counts the start-of-scan markers from the first scan at `i` to the end-of-image marker: entropy-coded data
// only holds 0xFF followed by 0x00 (stuffing), 0xFF (fill) or a restart marker, so any other marker is a real
// segment, whose length is skipped. A progressive file repeats scans: each one costs a pass over the image.
int countJpegScans(std::string_view b, std::size_t i) {
  int scans = 0;
  while (i + 1 < b.size()) {
    if (std::uint8_t(b[i]) != 0xFF) {
      ++i;
      continue;
    }
    const std::uint8_t m = std::uint8_t(b[i + 1]);
    if (m == 0x00 || m == 0xFF || (m >= 0xD0 && m <= 0xD7)) {
      i += m == 0xFF ? 1 : 2;
      continue;
    }
    if (m == 0xD9) break;
    if (i + 4 > b.size()) break;
    if (m == 0xDA) ++scans;
    i += 2 + be16(b, i + 2);
  }
  return scans;
}

// Walks the JPEG segments up to the first start-of-scan; requires an end-of-image marker after it.
bool jpegHeader(std::string_view b, HeaderInfo& info) {
  std::size_t i = 2;
  bool haveSize = false;
  while (i + 4 <= b.size()) {
    if (std::uint8_t(b[i]) != 0xFF) return false;
    std::uint8_t marker = std::uint8_t(b[i + 1]);
    if (marker == 0xFF) {
      ++i;
      continue;
    }  // fill byte
    if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
      i += 2;
      continue;
    }
    std::uint32_t len = be16(b, i + 2);
    if (len < 2 || i + 2 + len > b.size()) return false;
    if (isSofMarker(marker)) {
      if (len < 7) return false;
      info.height = int(be16(b, i + 5));
      info.width = int(be16(b, i + 7));
      haveSize = true;
    }
    if (marker == 0xDA) {  // start of scan: the compressed data follows
      if (!haveSize) return false;
      info.scans = countJpegScans(b, i);
      for (std::size_t j = b.size() - 1; j > i + 2 + len; --j)
        if (std::uint8_t(b[j]) == 0xD9 && std::uint8_t(b[j - 1]) == 0xFF) return true;
      info.format = "jpeg-truncated";
      return true;
    }
    i += 2 + len;
  }
  return false;
}

bool tiffHeader(std::string_view b, HeaderInfo& info) {
  const bool little = b[0] == 'I';
  auto u16 = [&](std::size_t i) { return little ? le16(b, i) : be16(b, i); };
  auto u32 = [&](std::size_t i) { return little ? le32(b, i) : be32(b, i); };
  std::size_t ifd = u32(4);
  if (ifd + 2 > b.size()) return false;
  std::uint32_t count = u16(ifd);
  for (std::uint32_t k = 0; k < count; ++k) {
    std::size_t e = ifd + 2 + 12 * k;
    if (e + 12 > b.size()) return false;
    std::uint32_t tag = u16(e), type = u16(e + 2);
    std::uint32_t value = type == 3 ? u16(e + 8) : u32(e + 8);
    if (tag == 256) info.width = int(value);
    if (tag == 257) info.height = int(value);
  }
  return info.width > 0 && info.height > 0;
}

bool webpHeader(std::string_view b, HeaderInfo& info) {
  if (b.size() < 30) return false;
  std::string_view chunk = b.substr(12, 4);
  if (chunk == "VP8X") {
    info.width = int(le24(b, 24) + 1);
    info.height = int(le24(b, 27) + 1);
  } else if (chunk == "VP8 ") {
    info.width = int(le16(b, 26) & 0x3FFF);
    info.height = int(le16(b, 28) & 0x3FFF);
  } else if (chunk == "VP8L") {
    std::uint32_t bits = le32(b, 21);
    info.width = int((bits & 0x3FFF) + 1);
    info.height = int(((bits >> 14) & 0x3FFF) + 1);
  } else {
    return false;
  }
  return true;
}

}  // namespace

bool readHeader(std::string_view b, HeaderInfo& info) {
  info = {};
  if (b.size() < 26) return false;
  bool ok = false;
  if (std::uint8_t(b[0]) == 0xFF && std::uint8_t(b[1]) == 0xD8) {
    info.format = "jpeg";
    ok = jpegHeader(b, info);
  } else if (startsWith(b, "\x89PNG\r\n\x1a\n")) {
    info.format = "png";
    ok = b.substr(12, 4) == "IHDR";
    info.width = int(be32(b, 16));
    info.height = int(be32(b, 20));
    if (ok && b.find("IEND") == std::string_view::npos) info.format = "png-truncated";
  } else if (startsWith(b, "GIF87a") || startsWith(b, "GIF89a")) {
    info.format = "gif";
    info.width = int(le16(b, 6));
    info.height = int(le16(b, 8));
    ok = true;
  } else if (startsWith(b, "BM")) {
    info.format = "bmp";
    info.width = int(le32(b, 18));
    const std::int64_t h = std::int32_t(le32(b, 22));  // negative: top-down rows; INT32_MIN has no int negation
    info.height = int(std::min<std::int64_t>(h < 0 ? -h : h, INT32_MAX));
    ok = true;
  } else if (startsWith(b, "RIFF") && b.substr(8, 4) == "WEBP") {
    info.format = "webp";
    ok = webpHeader(b, info);
  } else if (startsWith(b, "II*\0") || startsWith(b, std::string_view("MM\0*", 4))) {
    info.format = "tiff";
    ok = tiffHeader(b, info);
  }
  return ok && info.width > 0 && info.height > 0;
}

}  // namespace medpics::image
