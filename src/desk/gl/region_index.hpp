// The preview's region index on the CPU: which region is on top at each pixel, recomputed over a changed area only.
#pragma once
#include "medpics/review/region_document.hpp"

#include <opencv2/core.hpp>

#include <cstdint>
#include <vector>

namespace medpics::desk::gl {

// At most this many regions have an index value (R16UI: 0 = none, else 1 + position in the document).
inline constexpr std::size_t kMaxIndexedRegions = 65534;

// Index values over `area` of an image of `imageSize`: 0 where no accepted region covers the pixel, else
// 1 + the position of the topmost (last) one; the same rasterisation as the burn-in.
cv::Mat_<std::uint16_t> regionIndex(const std::vector<review::Item>& items, cv::Rect area, cv::Size imageSize);

// Topmost (highest) value of each factor × factor cell of an index (partial cells at the right and bottom edges):
// a zoomed-out preview never shows a masked pixel unmasked, and reads factor² times less memory.
cv::Mat_<std::uint16_t> coarseRegionIndex(const cv::Mat_<std::uint16_t>& index, int factor);

// The coverage of the regions as they were last indexed (brush masks copied, as strokes paint in place).
std::vector<mask::Region> coverageSnapshot(const std::vector<review::Item>& items);

// Bounds of every pixel whose index value may differ between `before` and `after`: the old and new bounds of each
// position whose region changed its coverage (geometry or accepted state), added or removed. Empty if none.
cv::Rect changedCoverage(const std::vector<mask::Region>& before, const std::vector<review::Item>& after,
                         cv::Size imageSize);

}  // namespace medpics::desk::gl
