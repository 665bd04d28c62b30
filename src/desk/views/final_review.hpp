// Final review of a post before publication: the published image fitted, a 1:1 loupe, the post's filmstrip and
// the count of masks the moderator has looked at.
#pragma once
#include "desk.hpp"
#include "views/canvas.hpp"
#include "views/editor_state.hpp"

namespace medpics::desk {

// Enters the final review of an image: the whole image fitted; the loupe starts on the first masked region in
// reading order (none: the loupe follows the pointer).
void showFinalReview(EditorState& ed, LoadedImage& image);

// Tab / Shift+Tab: the loupe goes to the next / previous masked region of the post, in reading order, across its
// images (the view switches image when the next one is on another).
void finalReviewKeys(OpenPost& post, EditorState& ed);

// The loupe: the published pixels at 1:1 (or more when the fitted image is already shown larger) around the
// pointer, or around the region Tab reached; every mask whose centre it shows is counted as visited.
// previewOn: the masking preview is drawn (without it, masks are drawn as solid boxes: never the original).
void drawLoupe(EditorState& ed, LoadedImage& image, const CanvasFrame& frame, gl::MaskPreview* preview, bool previewOn);

// Every image of the post as it will be published, with its visited / total masks; a click opens it.
void drawFilmstrip(OpenPost& post, EditorState& ed, gl::MaskPreview* preview, float height);

struct MaskVisits {
  int visited = 0, total = 0;
  bool complete() const { return visited >= total; }
};
// Masking regions of one image / of every image of the post, and how many of them the loupe has shown.
MaskVisits maskVisits(const LoadedImage& image);
MaskVisits maskVisits(const OpenPost& post);

// The caption as it will be published: the ticked PHI spans replaced by "[…]".
std::string publishedCaption(const OpenPost& post);

}  // namespace medpics::desk
