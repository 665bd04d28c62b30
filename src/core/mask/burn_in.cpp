// Burn-in implementation: rasterise each region, compute its style from the original, composite in order.
#include "medpics/mask/burn_in.hpp"

#include <opencv2/core/utility.hpp>
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

// Mosaic of `area` computed from the unmodified `image`: each block of the image grid touched by the area gets its
// mean over the whole block (clipped to the image, rounded half up) plus its noise; written into `patch` (area-sized,
// a copy of image(area), so that a 4th channel keeps its values).
void mosaicPatch(const cv::Mat& image, const cv::Rect& area, int block, std::uint32_t seed, cv::Mat& patch) {
  const int channels = image.channels();
  const int colour = std::min(channels, 3);
  const cv::Rect whole(0, 0, image.cols, image.rows);
  image(area).copyTo(patch);
  for (int by = area.y / block; by * block < area.y + area.height; ++by)
    for (int bx = area.x / block; bx * block < area.x + area.width; ++bx) {
      const cv::Rect cell = cv::Rect(bx * block, by * block, block, block) & whole;
      if (cell.area() == 0) continue;
      long long sum[4] = {0, 0, 0, 0};
      for (int y = cell.y; y < cell.y + cell.height; ++y) {
        const std::uint8_t* row = image.ptr<std::uint8_t>(y) + static_cast<std::size_t>(cell.x) * channels;
        if (channels == 3) {
          for (int x = 0; x < cell.width; ++x) {
            sum[0] += row[3 * x];
            sum[1] += row[3 * x + 1];
            sum[2] += row[3 * x + 2];
          }
        } else {
          for (int x = 0; x < cell.width; ++x)
            for (int c = 0; c < colour; ++c) sum[c] += row[x * channels + c];
        }
      }
      const long long count = cell.area();
      std::uint8_t value[4];
      for (int c = 0; c < colour; ++c) {
        const long long mean = (sum[c] + count / 2) / count;
        value[c] = static_cast<std::uint8_t>(std::clamp<long long>(mean + mosaicNoise(bx, by, c, seed), 0, 255));
      }
      const cv::Rect inPatch = (cell & area) - area.tl();
      for (int y = inPatch.y; y < inPatch.y + inPatch.height; ++y) {
        std::uint8_t* row = patch.ptr<std::uint8_t>(y);
        for (int x = inPatch.x; x < inPatch.x + inPatch.width; ++x)
          for (int c = 0; c < colour; ++c) row[x * channels + c] = value[c];
      }
    }
}

// What one accepted region does: its clipped bounds, and (mosaic, blur) its styled pixels over those bounds.
struct Job {
  const Region* region = nullptr;
  cv::Rect area;
  cv::Mat patch;
};

}  // namespace

int mosaicBlockSize(const Region& r) { return std::max(16, (r.bounds().height + 7) / 8); }

int mosaicNoise(int blockX, int blockY, int channel, std::uint32_t seed) {
  const std::uint32_t h = hash32(
      static_cast<std::uint32_t>(blockX) * 0x9E3779B1U ^
      hash32(static_cast<std::uint32_t>(blockY) * 0x85EBCA77U ^ hash32(static_cast<std::uint32_t>(channel) + seed)));
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
  const cv::Rect whole(0, 0, image.cols, image.rows);
  // Pass 1, before any pixel changes: every region's styled pixels, computed from the original over its own bounds
  // (no copy of the whole image: only the areas that mosaic and blur need are read, solid needs nothing).
  std::vector<Job> jobs;
  for (const auto& r : regions) {
    if (!r.masks()) continue;
    const cv::Rect area = r.bounds() & whole;
    if (area.area() == 0) continue;
    jobs.push_back({&r, area, {}});
  }
  cv::parallel_for_(cv::Range(0, static_cast<int>(jobs.size())), [&](const cv::Range& range) {
    for (int i = range.start; i < range.end; ++i) {
      Job& job = jobs[static_cast<std::size_t>(i)];
      const Region& r = *job.region;
      if (r.style == Style::Mosaic) {
        mosaicPatch(image, job.area, mosaicBlockSize(r), seed, job.patch);
      } else if (r.style == Style::Blur) {
        const int sigma = std::max(8, r.bounds().height / 6);
        const int pad = 3 * sigma;
        const cv::Rect& area = job.area;
        const cv::Rect padded =
            cv::Rect(area.x - pad, area.y - pad, area.width + 2 * pad, area.height + 2 * pad) & whole;
        cv::Mat blurred;
        cv::GaussianBlur(image(padded), blurred, cv::Size(), sigma, sigma, cv::BORDER_REPLICATE);
        job.patch = blurred(area - padded.tl()).clone();
      }
    }
  });
  // Pass 2, in order (a later region overwrites an earlier one): each region's exact pixels, rasterised over its
  // bounds only, receive its style.
  cv::Mat1b local;
  for (const Job& job : jobs) {
    rasterizeLocal(*job.region, image.size(), local);
    cv::Mat target = image(job.area);
    if (job.region->style == Style::Solid)
      target.setTo(cv::Scalar(0, 0, 0, 255), local);
    else
      job.patch.copyTo(target, local);
  }
}

}  // namespace medpics::mask
