// Image canvas shared by the post editor and the document viewer: draws a LoadedImage through its view.
#pragma once
#include "desk.hpp"
#include "views/desk_view.hpp"

#include <imgui.h>

#include <cstdint>
#include <functional>

namespace medpics::desk {

struct CanvasOptions {
  float height = 0;          // 0: all the remaining height
  int rotation = 0;          // quarter turns, clockwise
  bool leftDragPans = true;  // false when the left button belongs to an editing tool
  bool keyboard = false;     // zoom keys work without the pointer over the canvas
  // Called around the image draw (e.g. to switch to the masking preview shader).
  std::function<void(ImDrawList*)> beforeImage, afterImage;
  // What those hooks draw depends on besides the draw commands (e.g. the preview's region revision): the canvas
  // layer is cached (gl::LayerCache) and drawn again only when its commands or this stamp change.
  std::uint64_t layerStamp = 0;
};

struct CanvasFrame {
  bool ready = false;    // the image is shown (decoded and uploaded)
  bool hovered = false;  // the pointer is over the canvas
  bool active = false;   // the canvas holds the mouse (a drag started on it)
  ImVec2 origin, size;
  ImDrawList* layer = nullptr;  // the canvas layer: overlays drawn over the image go here, before endCanvas
};

// beginCanvas handles zoom / pan and draws the background and the image into the layer; the caller may add
// overlays to frame.layer; endCanvas shows the layer (from the cache when nothing changed) and the status line.
CanvasFrame beginCanvas(LoadedImage& image, const char* id, const CanvasOptions& options);
void endCanvas(LoadedImage& image, const CanvasFrame& frame, const CanvasOptions& options);
CanvasFrame drawCanvas(LoadedImage& image, const char* id, const CanvasOptions& options);  // begin + end

}  // namespace medpics::desk
