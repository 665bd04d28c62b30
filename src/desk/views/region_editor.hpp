// The region editor canvas of the post view.
#pragma once
#include "desk.hpp"

#include <imgui.h>

#include <functional>

namespace medpics::desk {
// keyboard: whether the editor's shortcuts are live (false while a dialog has the keyboard).
void drawRegionEditor(OpenPost& post, LoadedImage& image, float height, bool keyboard,
                      const std::function<void(ImDrawList*)>& beforeImage = {},
                      const std::function<void(ImDrawList*)>& afterImage = {});
// Centres the view on a region and zooms so that it fills about a third of the canvas.
void centreOnRegion(LoadedImage& image, const mask::Region& region);
}  // namespace medpics::desk
