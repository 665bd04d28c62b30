// Burn-in implementation: rasterise each region, compute its style from the original, composite in order.
#include "medpics/mask/burn_in.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <stdexcept>

namespace medpics::mask {
namespace {

// Integer hash (lowbias32); the GLSL preview uses the same operations on uint.
std::uint32_t hash32(std::uint32_t x) {
  x ^= x >> 16;
  x *= 0x7feb352dU;
  x ^= x >> 15;
  x *= 0x846ca68bU;
  x ^= x >> 16;
  return x;
}

// Mosaic of the blocks touched by `area`, computed from `source`, written into `target`.
void mosaic(const cv::Mat& source, cv::Mat& target, const cv::Rect& area, int block, std::uint32_t seed) {
  const int channels = source.channels();
  const int colour = std::min(channels, 3);
  const cv::Rect image(0, 0, source.cols, source.rows);
  for (int by = area.y / block; by * block < area.y + area.height; ++by)
    for (int bx = area.x / block; bx * block < area.x + area.width; ++bx) {
      const cv::Rect cell = cv::Rect(bx * block, by * block, block, block) & image;
      if (cell.area() == 0) continue;
      long long sum[4] = {0, 0, 0, 0};
      for (int y = cell.y; y < cell.y + cell.height; ++y) {
        const std::uint8_t* row = source.ptr<std::uint8_t>(y);
        for (int x = cell.x; x < cell.x + cell.width; ++x)
          for (int c = 0; c < colour; ++c) sum[c] += row[x * channels + c];
      }
      const long long count = cell.area();
      std::uint8_t value[4];
      for (int c = 0; c < colour; ++c) {
        const long long mean = (sum[c] + count / 2) / count;
        value[c] = static_cast<std::uint8_t>(std::clamp<long long>(mean + mosaicNoise(bx, by, c, seed), 0, 255));
      }
      for (int y = cell.y; y < cell.y + cell.height; ++y) {
        std::uint8_t* row = target.ptr<std::uint8_t>(y);
        for (int x = cell.x; x < cell.x + cell.width; ++x)
          for (int c = 0; c < colour; ++c) row[x * channels + c] = value[c];
      }
    }
}

}  // namespace

int mosaicBlockSize(const Region& r) { return std::max(16, (r.bounds().height + 7) / 8); }

int mosaicNoise(int blockX, int blockY, int channel, std::uint32_t seed) {
  const std::uint32_t h = hash32(static_cast<std::uint32_t>(blockX) * 0x9E3779B1U ^
                                 hash32(static_cast<std::uint32_t>(blockY) * 0x85EBCA77U ^
                                        hash32(static_cast<std::uint32_t>(channel) + seed)));
  return static_cast<int>(h % 49U) - 24;
}

cv::Mat1b coverage(cv::Size size, const std::vector<Region>& regions) {
  cv::Mat1b mask(size, 0);
  for (const auto& r : regions)
    if (r.masks()) rasterize(r, mask);
  return mask;
}

void burnIn(cv::Mat& image, const std::vector<Region>& regions, std::uint32_t seed) {
  if (image.depth() != CV_8U || (image.channels() != 3 && image.channels() != 4))
    throw std::invalid_argument("burnIn needs an 8-bit BGR or BGRA image");
  const cv::Mat original = image.clone();
  const cv::Rect whole(0, 0, image.cols, image.rows);
  cv::Mat1b regionMask(image.size());
  cv::Mat styled;
  for (const auto& r : regions) {
    if (!r.masks()) continue;
    const cv::Rect area = r.bounds() & whole;
    if (area.area() == 0) continue;
    regionMask(area).setTo(0);
    rasterize(r, regionMask);
    switch (r.style) {
      case Style::Solid:
        image(area).setTo(cv::Scalar(0, 0, 0, 255), regionMask(area));
        break;
      case Style::Mosaic: {
        const int block = mosaicBlockSize(r);
        // Work on the block-aligned area around the region, then copy through the region mask.
        const int x0 = area.x / block * block, y0 = area.y / block * block;
        const cv::Rect aligned = cv::Rect(x0, y0, area.x + area.width - x0, area.y + area.height - y0) & whole;
        styled.create(image.size(), image.type());
        mosaic(original, styled, aligned, block, seed);
        styled(area).copyTo(image(area), regionMask(area));
        break;
      }
      case Style::Blur: {
        const int sigma = std::max(8, r.bounds().height / 6);
        const int pad = 3 * sigma;
        const cv::Rect padded = cv::Rect(area.x - pad, area.y - pad, area.width + 2 * pad, area.height + 2 * pad) & whole;
        cv::Mat blurred;
        cv::GaussianBlur(original(padded), blurred, cv::Size(), sigma, sigma, cv::BORDER_REPLICATE);
        const cv::Rect inPadded(area.x - padded.x, area.y - padded.y, area.width, area.height);
        blurred(inPadded).copyTo(image(area), regionMask(area));
        break;
      }
    }
  }
}

}  // namespace medpics::mask
