// TiledImage implementation.
#include "gl/tiled_image.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>

namespace medpics::desk::gl {

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

namespace {
std::uint64_t nextSerial() {
  static std::uint64_t uploads = 0;  // UI thread only
  return ++uploads;
}
}  // namespace

void TiledImage::upload(const std::vector<RgbaTile>& tiles) {
  serial_ = nextSerial();
  tiles_.clear();
  for (const auto& t : tiles) tiles_.push_back({t.area, Texture(t.rgba.cols, t.rgba.rows, t.rgba.data)});
}

void TiledImage::adopt(std::vector<Tile> tiles) {
  serial_ = nextSerial();
  tiles_ = std::move(tiles);
}

void TiledImage::setNearest(bool nearest) {
  for (auto& t : tiles_) t.texture.setNearest(nearest);
}

}  // namespace medpics::desk::gl
