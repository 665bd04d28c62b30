// Region index implementation (CPU only; MaskPreview uploads the result).
#include "gl/region_index.hpp"

#include <algorithm>

namespace medpics::desk::gl {
namespace {
bool sameBrush(const cv::Mat1b& a, const cv::Mat1b& b) {
  if (a.size() != b.size()) return false;
  return a.empty() || cv::countNonZero(a != b) == 0;
}

bool sameCoverage(const mask::Region& a, const mask::Region& b) {
  if (a.masks() != b.masks()) return false;
  if (!a.masks()) return true;  // neither covers anything
  return a.shape == b.shape && a.box == b.box && a.points == b.points &&
         (a.shape != mask::Shape::Brush || sameBrush(a.brush, b.brush));
}
}  // namespace

cv::Mat_<std::uint16_t> regionIndex(const std::vector<review::Item>& items, cv::Rect area, cv::Size imageSize) {
  area &= cv::Rect({0, 0}, imageSize);
  cv::Mat_<std::uint16_t> index(area.size(), std::uint16_t(0));
  cv::Mat1b local;
  for (std::size_t k = 0; k < items.size() && k < kMaxIndexedRegions; ++k) {
    const mask::Region& r = items[k].region;
    if (!r.masks() || (r.bounds() & area).empty()) continue;
    const cv::Rect covered = mask::rasterizeLocal(r, imageSize, local);
    const cv::Rect part = covered & area;
    if (part.empty()) continue;
    index(part - area.tl()).setTo(static_cast<std::uint16_t>(k + 1), local(part - covered.tl()));
  }
  return index;
}

cv::Mat_<std::uint16_t> coarseRegionIndex(const cv::Mat_<std::uint16_t>& index, int factor) {
  cv::Mat_<std::uint16_t> coarse((index.rows + factor - 1) / factor, (index.cols + factor - 1) / factor,
                                 std::uint16_t(0));
  for (int y = 0; y < index.rows; ++y) {
    const std::uint16_t* row = index[y];
    std::uint16_t* out = coarse[y / factor];
    for (int x = 0; x < index.cols; ++x)
      if (row[x] > out[x / factor]) out[x / factor] = row[x];
  }
  return coarse;
}

std::vector<mask::Region> coverageSnapshot(const std::vector<review::Item>& items) {
  std::vector<mask::Region> regions;
  regions.reserve(items.size());
  for (const auto& item : items) {
    regions.push_back(item.region);
    if (!item.region.brush.empty()) regions.back().brush = item.region.brush.clone();
  }
  return regions;
}

cv::Rect changedCoverage(const std::vector<mask::Region>& before, const std::vector<review::Item>& after,
                         cv::Size imageSize) {
  const cv::Rect whole({0, 0}, imageSize);
  cv::Rect changed;
  const std::size_t n = std::min(std::max(before.size(), after.size()), kMaxIndexedRegions);
  for (std::size_t k = 0; k < n; ++k) {
    const mask::Region* old = k < before.size() ? &before[k] : nullptr;
    const mask::Region* now = k < after.size() ? &after[k].region : nullptr;
    if (old && now && sameCoverage(*old, *now)) continue;
    if (old && old->masks()) changed |= old->bounds() & whole;
    if (now && now->masks()) changed |= now->bounds() & whole;
  }
  return changed;
}

}  // namespace medpics::desk::gl
