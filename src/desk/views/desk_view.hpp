// The desk's view layer state beside the GL-free Desk: the GPU side of every image shown (textures, masking preview
// state, canvas layer cache) and its view (pan / zoom, masks visited), the masking preview program and its error, the
// open post's editor state, the open item's decision form and the side windows' flags. One per window, reached like
// ImGui's context.
#pragma once
#include "gl/layer_cache.hpp"
#include "gl/mask_preview.hpp"
#include "gl/tiled_image.hpp"
#include "image_tiles.hpp"
#include "texture_preload.hpp"
#include "views/editor_state.hpp"
#include "views/image_view_state.hpp"
#include "views/panels.hpp"
#include "views/per_image.hpp"
#include "views/reject_form_state.hpp"

#include <cstdint>
#include <memory>
#include <string>

namespace medpics::desk {

class Desk;
struct LoadedImage;
struct OpenPost;

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
  bool preload(const std::vector<DisplaySource>& next, std::size_t budgetBytes) {
    return ahead_.step(next, budgetBytes);
  }
  const TexturePreload& ahead() const { return ahead_; }

 private:
  PerImage<ImageGpu> entries_;
  TexturePreload ahead_;
  ImageGpu none_;
};

class DeskView {
 public:
  ImageGpuStore images;
  PerImage<ImageViewState> imageViews;     // pan / zoom and masks visited of each shown image: viewOf(image)
  gl::MaskPreview* maskPreview = nullptr;  // owned by the App; null when the shaders failed
  std::string shaderError;                 // shown in the post view when the preview shaders failed
  Panels panels;                           // side windows open or not, side panel widths

  // The editor state of this opening of the post (OpenPost::opening): a fresh one, drawing new regions in
  // newStyle, when another post (or the same post again) has opened since. A residual objection the post received
  // since the last call leaves the final review (the new findings are shown on the editor).
  EditorState& editor(const OpenPost& post, mask::Style newStyle);
  // The decision form under this opening of the open item (OpenPost / OpenRegistration::opening, 0: none open):
  // closed and empty when another item (or the same item again) has opened since, or none is open.
  RejectForm& rejectForm(std::uint64_t opening);
  // Once per frame: frees the GPU and view state of the images gone since.
  void collect() {
    images.collect();
    imageViews.collect();
  }

 private:
  std::uint64_t editorOpening_ = 0;  // the opening editor_ belongs to (0: none)
  EditorState editor_;
  std::uint64_t formOpening_ = 0;  // the opening form_ belongs to
  RejectForm form_;
};

DeskView& deskView();  // the window's view state (set by the App)
void setDeskView(DeskView* view);
EditorState& editorOf(const Desk& desk);     // the open post's (desk.post set), new regions in the moderator's style
RejectForm& rejectFormOf(const Desk& desk);  // the open item's decision form (closed when no item is open)
ImageGpu& gpu(const LoadedImage& image);     // the image's GPU state in the window's store
// The image's view state in the window's store (an image not shown yet: a fresh one, not kept).
ImageViewState& viewOf(const LoadedImage& image);
const gl::Texture* textureOf(const std::shared_ptr<ImageDisplay>& display);  // single-tile images (history)

}  // namespace medpics::desk
