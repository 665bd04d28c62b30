// The regions / findings panel of the post view.
#pragma once
#include "desk.hpp"

#include <imgui.h>

#include <functional>
#include <string>

namespace medpics::desk {
void drawRegionsPanel(OpenPost& post, LoadedImage& image, const std::function<void(const mask::Region&)>& zoomTo);
// Colour of a finding kind ("face", "text", "barcode", "tattoo", "manual") in overlays and the legend.
ImU32 legendColour(const std::string& kind);
}  // namespace medpics::desk
