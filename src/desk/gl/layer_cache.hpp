// Cached canvas layer: draw commands rendered once into a framebuffer-sized texture, then shown as one quad per frame.
#pragma once
#include "gl/texture.hpp"

#include <imgui.h>

#include <cstdint>
#include <memory>
#include <vector>

namespace medpics::desk::gl {

// The commands of a layer (e.g. an image with its masking preview and region outlines) are recorded every frame
// into a private draw list. While they change from frame to frame (pan, zoom, drag) they are copied into the
// window's draw list and drawn directly, as without a cache. Once they are the same as in the previous frame
// (commands and content stamp), the layer is rasterised once into a screen-sized texture, and the following
// frames draw that texture instead (a 1:1 copy: nearest sampling, the screen's projection).
// The stamp covers what the commands do not show: texture contents and shader state set by draw callbacks.
class LayerCache {
 public:
  LayerCache() = default;
  ~LayerCache();
  LayerCache(const LayerCache&) = delete;
  LayerCache& operator=(const LayerCache&) = delete;

  // Starts this frame's layer drawn over `window` (same flags, texture and clip rectangle); draw into the result.
  ImDrawList* begin(const ImDrawList& window);
  // Adds the layer to `window`: its commands when they or `stamp` changed since the previous frame, else the
  // texture over [min, max] (clipped to it), rendered first if it does not hold these commands yet.
  void end(ImDrawList* window, ImVec2 min, ImVec2 max, std::uint64_t stamp);

  int renders() const { return renders_; }  // times the layer was rasterised (tests, benchmark)
  // Off: callers draw their layer straight into the window's draw list (the reference path of the tests).
  static bool enabled;

 private:
  bool sameAsRemembered(std::uint64_t stamp, ImVec2 display) const;
  void remember(std::uint64_t stamp, ImVec2 display);
  void replayInto(ImDrawList* window) const;
  void render(ImVec2 displayPos, ImVec2 displaySize, ImVec2 scale);

  std::unique_ptr<ImDrawList> list_;
  std::vector<ImDrawVert> vertices_;
  std::vector<ImDrawIdx> indices_;
  std::vector<ImDrawCmd> commands_;
  std::uint64_t stamp_ = 0;
  ImVec2 display_;
  bool valid_ = false;  // the texture holds the remembered commands
  Texture texture_;
  GLuint fbo_ = 0;
  int renders_ = 0;
};

}  // namespace medpics::desk::gl
