// The desk's view layer state beside the GL-free Desk: the GPU side of every image shown (textures, masking preview
// state, canvas layer cache), the masking preview program and its error. One per window, reached like ImGui's context.
#pragma once
#include "gl/layer_cache.hpp"
#include "gl/mask_preview.hpp"
#include "gl/tiled_image.hpp"
#include "image_tiles.hpp"
#include "texture_preload.hpp"

#include <map>
#include <memory>
#include <string>

namespace medpics::desk {

struct LoadedImage;

// GPU state of one displayed image (UI thread only).
struct ImageGpu {
  gl::TiledImage texture;                        // full resolution, tiled past GL_MAX_TEXTURE_SIZE
  std::unique_ptr<gl::PreviewTextures> preview;  // GPU state of the masking preview
  std::unique_ptr<gl::LayerCache> layer;         // the canvas as last drawn (image, preview, outlines)
};

// The images' GPU state keyed by the image (its ImageDisplay): made and uploaded when first drawn, freed once the
// image is gone (the item closed, the history reloaded).
class ImageGpuStore {
 public:
  ImageGpu& of(const std::shared_ptr<ImageDisplay>& display);  // an empty ImageGpu for no display
  void collect();                                              // once per frame: frees what belongs to no image
  void clear();                                                // before the GL context goes
  std::size_t size() const { return entries_.size(); }
  // Once per frame: uploads up to budgetBytes of these images' textures ahead; an image drawn later adopts them.
  // True while something is left to upload.
  bool preload(const std::vector<DisplaySource>& next, std::size_t budgetBytes) { return ahead_.step(next, budgetBytes); }
  const TexturePreload& ahead() const { return ahead_; }

 private:
  struct Entry {
    std::weak_ptr<ImageDisplay> owner;
    ImageGpu gpu;
  };
  std::map<const ImageDisplay*, Entry> entries_;
  TexturePreload ahead_;
  ImageGpu none_;
};

class DeskView {
 public:
  ImageGpuStore images;
  gl::MaskPreview* maskPreview = nullptr;  // owned by the App; null when the shaders failed
  std::string shaderError;                 // shown in the post view when the preview shaders failed
};

DeskView& deskView();  // the window's view state (set by the App)
void setDeskView(DeskView* view);
ImageGpu& gpu(const LoadedImage& image);  // the image's GPU state in the window's store
const gl::Texture* textureOf(const std::shared_ptr<ImageDisplay>& display);  // single-tile images (history)

}  // namespace medpics::desk
