// View state of one shown image (pan / zoom, the masks the final review's loupe has shown), held by DeskView per
// image (views/desk_view.hpp): fresh for every image shown, as it was made with each LoadedImage.
#pragma once
#include "medpics/view/view_transform.hpp"

#include <set>

namespace medpics::desk {

struct ImageViewState {
  view::ViewTransform transform;  // image ↔ screen: fit, zoom, pan
  bool initialised = false;       // the transform has the image's size (set at the first draw; a rotation clears it)
  std::set<int> visitedMasks;     // masking regions the final review's loupe has shown (N/N zones vérifiées)
};

}  // namespace medpics::desk
