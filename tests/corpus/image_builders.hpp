// Byte-level builders of image files that OpenCV cannot write: hand-made PNG chunks, CMYK JPEG, GIF, animated WebP,
// EXIF blocks, and patches of header dimensions.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace medpics::corpus {

// A PNG from raw scanlines (each row: filter byte 0 + pixels), with extra chunks before IDAT (type, data).
std::string pngFile(std::uint32_t width, std::uint32_t height, int bitDepth, int colorType,
                    const std::string& scanlines,
                    const std::vector<std::pair<std::string, std::string>>& chunksBeforeData = {},
                    const std::vector<std::pair<std::string, std::string>>& chunksAfterData = {});
std::string pngChunk(const std::string& type, const std::string& data);
std::string be32(std::uint32_t v);

// A 4-component (CMYK) baseline JPEG made with libjpeg.
std::string cmykJpeg(int width, int height);
// A two-frame animated GIF89a, 1x1.
std::string animatedGif();
// A two-frame animated WebP (WebPAnimEncoder).
std::string animatedWebp(int width, int height);
// A big-endian TIFF/EXIF block whose IFD0 holds `entries` UNDEFINED entries of `valueBytes` bytes each
// (all pointing at the same value), plus the Orientation tag.
std::string exifBlock(int entries, int valueBytes, int orientation = 1);
// A JPEG with an APP1 "Exif" segment holding `exif` (at most 65527 bytes).
std::string withJpegExif(const std::string& jpeg, const std::string& exif);

// Header dimension patches of files written by OpenCV (return false when the header was not found).
bool patchJpegSize(std::string& jpeg, std::uint16_t width, std::uint16_t height);
bool patchTiffSize(std::string& tiff, std::uint32_t width, std::uint32_t height);
bool patchWebpSize(std::string& webp, std::uint16_t width, std::uint16_t height);
bool patchBmpSize(std::string& bmp, std::int32_t width, std::int32_t height);

}  // namespace medpics::corpus
