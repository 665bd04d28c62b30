// Image canvas shared by the post editor and the document viewer: draws a LoadedImage through its view.
#pragma once
#include "desk.hpp"

#include <imgui.h>

#include <functional>

namespace medpics::desk {

struct CanvasOptions {
  float height = 0;          // 0: all the remaining height
  int rotation = 0;          // quarter turns, clockwise
  bool leftDragPans = true;  // false when the left button belongs to an editing tool
  bool keyboard = false;     // zoom keys work without the pointer over the canvas
  // Called around the image draw (e.g. to switch to the masking preview shader).
  std::function<void(ImDrawList*)> beforeImage, afterImage;
};

struct CanvasFrame {
  bool ready = false;    // the image is shown (decoded and uploaded)
  bool hovered = false;  // the pointer is over the canvas
  bool active = false;   // the canvas holds the mouse (a drag started on it)
  ImVec2 origin, size;
};

CanvasFrame drawCanvas(LoadedImage& image, const char* id, const CanvasOptions& options);

}  // namespace medpics::desk
