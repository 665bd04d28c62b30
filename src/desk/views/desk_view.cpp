// DeskView: the per-image GPU store (upload on first draw, freed with the image) and the window's view state.
#include "views/desk_view.hpp"

#include "desk.hpp"

#include <cstdlib>

namespace medpics::desk {

namespace {
DeskView* current = nullptr;
}

ImageGpu& ImageGpuStore::of(const std::shared_ptr<ImageDisplay>& display) {
  if (!display) return none_;
  bool made = false;
  ImageGpu& gpu = entries_.of(display, &made);
  if (made) {
    if (auto uploaded = ahead_.take(display->pixels))  // uploaded ahead: nothing to upload now
      gpu.texture = std::move(*uploaded);
    else
      gpu.texture.upload(display->tiles);
    display->tiles = {};  // the pixels now live on the GPU (and in LoadedImage::pixels)
  }
  return gpu;
}

void ImageGpuStore::collect() { entries_.collect(); }

void ImageGpuStore::clear() {
  entries_.clear();
  ahead_ = {};
  none_ = {};
}

EditorState& DeskView::editor(const OpenPost& post, mask::Style newStyle) {
  if (editorOpening_ != post.opening) {
    editor_ = EditorState{};
    editor_.newStyle = newStyle;
    editor_.objectionsSeen = post.objections;
    editorOpening_ = post.opening;
  }
  if (editor_.objectionsSeen != post.objections) {
    editor_.finalReview = false;
    editor_.objectionsSeen = post.objections;
  }
  return editor_;
}

RejectForm& DeskView::rejectForm(std::uint64_t opening) {
  if (formOpening_ != opening) {
    form_ = RejectForm{};
    formOpening_ = opening;
  }
  return form_;
}

DeskView& deskView() {
  if (!current) std::abort();  // a view drawn without a window: a programming error
  return *current;
}

void setDeskView(DeskView* view) { current = view; }

EditorState& editorOf(const Desk& desk) {
  if (!desk.post) std::abort();  // no post open: a programming error
  return deskView().editor(*desk.post, desk.settings.maskStyle("manual"));
}

RejectForm& rejectFormOf(const Desk& desk) {
  return deskView().rejectForm(desk.post ? desk.post->opening : desk.registration ? desk.registration->opening : 0);
}

ImageGpu& gpu(const LoadedImage& image) { return deskView().images.of(image.display); }

ImageViewState& viewOf(const LoadedImage& image) {
  if (image.display) return deskView().imageViews.of(image.display);
  static ImageViewState notShown;
  notShown = {};  // nothing is drawn before the image is shown: what a caller does to it has no consequence
  return notShown;
}

const gl::Texture* textureOf(const std::shared_ptr<ImageDisplay>& display) {
  return display ? deskView().images.of(display).texture.single() : nullptr;
}

}  // namespace medpics::desk
