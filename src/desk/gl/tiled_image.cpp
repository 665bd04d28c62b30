// TiledImage implementation.
#include "gl/tiled_image.hpp"

namespace medpics::desk::gl {

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
