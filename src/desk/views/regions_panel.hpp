// The regions / findings panel of the post view.
#pragma once
#include "desk.hpp"
#include "views/editor_state.hpp"

#include <imgui.h>

#include <functional>
#include <string>

namespace medpics::desk {
void drawRegionsPanel(const OpenPost& post, EditorState& ed, LoadedImage& image,
                      const std::function<void(const mask::Region&)>& zoomTo);
}  // namespace medpics::desk
