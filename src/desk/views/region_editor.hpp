// The region editor canvas of the post view.
#pragma once
#include "desk.hpp"
#include "views/canvas.hpp"
#include "views/editor_state.hpp"

#include <imgui.h>

#include <cstdint>
#include <functional>

namespace medpics::desk {
// Returns the canvas as drawn. keyboard: whether the editor's shortcuts are live (false while a dialog has the
// keyboard). beforeImage / afterImage wrap the image draw; layerStamp: the state they depend on (see CanvasOptions).
CanvasFrame drawRegionEditor(const OpenPost& post, EditorState& ed, LoadedImage& image, float height, bool keyboard,
                             const std::function<void(ImDrawList*)>& beforeImage = {},
                             const std::function<void(ImDrawList*)>& afterImage = {}, std::uint64_t layerStamp = 0);
// Centres the view on a region and zooms so that it fills about a third of the canvas.
void centreOnRegion(LoadedImage& image, const mask::Region& region);
}  // namespace medpics::desk
