// An image shown as one or more textures, tiled when it is larger than GL_MAX_TEXTURE_SIZE.
#pragma once
#include "gl/texture.hpp"
#include "image_tiles.hpp"

#include <opencv2/core.hpp>

#include <cstdint>
#include <vector>

namespace medpics::desk::gl {

using desk::makeTiles;  // the tiles are made without GL (image_tiles.hpp)
using desk::RgbaTile;
using desk::tileLayout;

class TiledImage {
 public:
  struct Tile {
    cv::Rect area;
    Texture texture;
  };
  void upload(const std::vector<RgbaTile>& tiles);  // UI thread
  void adopt(std::vector<Tile> tiles);              // textures uploaded by the caller (TexturePreload)
  const std::vector<Tile>& tiles() const { return tiles_; }
  bool empty() const { return tiles_.empty(); }
  // The texture of an image that fits in one tile (the preview needs it), else nullptr.
  const Texture* single() const { return tiles_.size() == 1 ? &tiles_[0].texture : nullptr; }
  void setNearest(bool nearest);
  // Distinct for every upload in the process (GL may reuse texture names): tells caches which pixels they hold.
  std::uint64_t serial() const { return serial_; }

 private:
  std::vector<Tile> tiles_;
  std::uint64_t serial_ = 0;
};

}  // namespace medpics::desk::gl
