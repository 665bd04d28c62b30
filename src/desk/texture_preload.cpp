// TexturePreload: row strips uploaded with glTexSubImage2D, mipmaps built once a tile is full.
#include "texture_preload.hpp"

#include <algorithm>

namespace medpics::desk {

bool TexturePreload::step(const std::vector<Source>& sources, std::size_t budgetBytes) {
  // Keep the entries of the images still wanted, in the order given; start the new ones.
  std::vector<Entry> kept;
  for (const auto& source : sources) {
    if (!source.pixels || !source.tiles) continue;
    auto it = std::find_if(entries_.begin(), entries_.end(),
                           [&](const Entry& e) { return e.source.pixels == source.pixels; });
    if (it != entries_.end())
      kept.push_back(std::move(*it));
    else
      kept.push_back(Entry{source, {}, 0, 0});
  }
  entries_ = std::move(kept);  // the others' textures are deleted here

  std::size_t spent = 0;
  for (auto& e : entries_) {
    const auto& tiles = *e.source.tiles;
    while (!e.complete() && spent < budgetBytes) {
      const gl::RgbaTile& src = tiles[e.tile];
      if (e.tiles.size() <= e.tile)  // allocate, without pixels
        e.tiles.push_back(
            {src.area, gl::Texture(src.rgba.cols, src.rgba.rows, GL_RGBA8, GL_RGBA, GL_UNSIGNED_BYTE, nullptr)});
      const std::size_t rowBytes = static_cast<std::size_t>(src.rgba.cols) * 4;
      if (e.row < src.rgba.rows) {
        const int rows = std::clamp(static_cast<int>((budgetBytes - spent) / std::max<std::size_t>(rowBytes, 1)), 1,
                                    src.rgba.rows - e.row);
        e.tiles[e.tile].texture.update(0, e.row, src.rgba.cols, rows, GL_RGBA, GL_UNSIGNED_BYTE, src.rgba.ptr(e.row));
        e.row += rows;
        spent += rowBytes * static_cast<std::size_t>(rows);
        uploaded_ += rowBytes * static_cast<std::size_t>(rows);
        continue;
      }
      // Mipmaps cost about a third of the tile: counted as such, in a step of their own.
      e.tiles[e.tile].texture.generateMipmaps();
      spent += rowBytes * static_cast<std::size_t>(src.rgba.rows) / 3;
      ++e.tile;
      e.row = 0;
      if (e.complete()) ++completed_;
    }
  }
  return std::any_of(entries_.begin(), entries_.end(), [](const Entry& e) { return !e.complete(); });
}

std::optional<gl::TiledImage> TexturePreload::take(const cv::Mat* pixels) {
  auto it =
      std::find_if(entries_.begin(), entries_.end(), [&](const Entry& e) { return e.source.pixels.get() == pixels; });
  if (it == entries_.end() || !it->complete()) return std::nullopt;
  gl::TiledImage image;
  image.adopt(std::move(it->tiles));
  entries_.erase(it);
  return image;
}

}  // namespace medpics::desk
