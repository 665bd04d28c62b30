// Tiling of a decoded image into RGBA tiles for display (worker side).
#include "image_tiles.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>

namespace medpics::desk {

std::vector<cv::Rect> tileLayout(cv::Size size, int maxSide) {
  std::vector<cv::Rect> areas;
  maxSide = std::max(1, maxSide);
  for (int y = 0; y < size.height; y += maxSide)
    for (int x = 0; x < size.width; x += maxSide)
      areas.emplace_back(x, y, std::min(maxSide, size.width - x), std::min(maxSide, size.height - y));
  return areas;
}

std::vector<RgbaTile> makeTiles(const cv::Mat& bgr, int maxSide) {
  std::vector<RgbaTile> tiles;
  for (const cv::Rect& area : tileLayout(bgr.size(), maxSide)) {
    RgbaTile tile{area, {}};
    cv::cvtColor(bgr(area), tile.rgba, cv::COLOR_BGR2RGBA);  // a new, continuous matrix
    tiles.push_back(std::move(tile));
  }
  return tiles;
}

}  // namespace medpics::desk
