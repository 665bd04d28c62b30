// Full-resolution burn-in of masking regions into pixels (the CPU reference the GPU preview must match).
#pragma once
#include "medpics/mask/region.hpp"

#include <cstdint>
#include <vector>

namespace medpics::mask {

// Mosaic block size of a region: max(16 px, ceil(height / 8)); blocks are aligned on the image grid.
int mosaicBlockSize(const Region& r);
// Deterministic per-block, per-channel noise in [-24, 24] (same integer hash in shaders/mask_preview.frag).
int mosaicNoise(int blockX, int blockY, int channel, std::uint32_t seed);

// Applies every accepted region, in order, to a BGR or BGRA 8-bit image. Each region's effect is computed
// from the original pixels; a later region overwrites an earlier one where they overlap.
// solid: opaque black; mosaic: block mean (rounded half up) + noise; blur: strong Gaussian (weak protection).
void burnIn(cv::Mat& image, const std::vector<Region>& regions, std::uint32_t seed);

// The union mask of all accepted regions (255 = masked), for residual checks and tests.
cv::Mat1b coverage(cv::Size size, const std::vector<Region>& regions);

}  // namespace medpics::mask
