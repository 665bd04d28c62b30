// Uploads the textures of the post that opens next, a few rows per frame, while the current one is reviewed.
#pragma once
#include "gl/tiled_image.hpp"
#include "image_tiles.hpp"

#include <opencv2/core.hpp>

#include <cstddef>
#include <memory>
#include <optional>
#include <vector>

namespace medpics::desk {

// Opening a post from the prefetch cache used to upload all its texture tiles (and build their mipmaps) in the frame
// that shows it: hundreds of milliseconds on a software renderer for a photo. The next post's tiles are uploaded
// ahead instead, within a byte budget per frame, and the open takes the finished textures.
class TexturePreload {
 public:
  using Source = DisplaySource;
  // UI thread, once per frame: uploads up to budgetBytes of `sources` (the images of the next post), in order;
  // textures of images no longer among them are freed. True while something is left to upload.
  bool step(const std::vector<Source>& sources, std::size_t budgetBytes);
  // The finished textures of these pixels, moved out; nullopt when they are not complete (the caller uploads).
  std::optional<gl::TiledImage> take(const cv::Mat* pixels);
  std::size_t uploadedBytes() const { return uploaded_; }  // since the start (tests, benchmark)
  int completed() const { return completed_; }             // images fully uploaded since the start

 private:
  struct Entry {
    Source source;
    std::vector<gl::TiledImage::Tile> tiles;  // allocated, filled row strip by row strip
    std::size_t tile = 0;                     // the tile being filled
    int row = 0;                              // its next row
    bool complete() const { return source.tiles && tile >= source.tiles->size(); }
  };
  std::vector<Entry> entries_;
  std::size_t uploaded_ = 0;
  int completed_ = 0;
};

}  // namespace medpics::desk
