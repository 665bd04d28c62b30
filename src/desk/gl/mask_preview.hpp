// GPU masking preview: region-index texture, region table, mosaic block means, and the preview shader.
#pragma once
#include "gl/shader_program.hpp"
#include "gl/texture.hpp"

#include "medpics/mask/region.hpp"

#include <opencv2/core.hpp>

#include <map>
#include <memory>
#include <string>
#include <vector>

struct ImDrawList;
struct ImDrawCmd;

namespace medpics::desk {
struct LoadedImage;
}

namespace medpics::desk::gl {

class MaskPreview;

// What the preview's draw callback needs; one per image, so that several images (the final review's filmstrip)
// can be drawn with the preview in one frame.
struct PreviewDraw {
  MaskPreview* self = nullptr;
  LoadedImage* image = nullptr;
  bool showOriginal = false;
};

// Per-image GPU state, updated when the image's region document changes (index: over the changed area only).
struct PreviewTextures {
  Texture index;        // R16UI: 0 = unmasked, else 1 + region index
  Texture coarseIndex;  // R16UI, 1/kCoarse resolution: topmost region of each cell (zoomed-out views)
  Texture table;        // RGBA32I, one texel per region: style, block size (or blur sigma), atlas x, atlas y
  Texture atlas;        // RGBA8 block means, one slot per mosaic block size
  GLuint atlasFbo = 0;
  std::map<int, cv::Point> slots;  // block size → slot origin in the atlas
  int shelfX = 0, shelfY = 0, shelfHeight = 0;
  int revision = -1;
  std::vector<mask::Region> indexed;  // the regions' coverage when `index` was last updated (for the changed area)
  PreviewDraw draw;                   // this image's draw callback data (read when the frame is rendered)
  ~PreviewTextures();
};

class MaskPreview {
 public:
  MaskPreview() = default;
  ~MaskPreview();
  MaskPreview(const MaskPreview&) = delete;
  MaskPreview& operator=(const MaskPreview&) = delete;

  // Loads shaders/quad.vert, mask_preview.frag, block_mean.frag; false with error() on failure.
  bool init(const std::string& shaderDir);
  const std::string& error() const { return error_; }
  // The preview needs the shaders and a full-resolution texture of the image.
  bool available(const LoadedImage& image) const;
  // Brings the image's preview textures up to date with its regions (UI thread); the region index is rewritten
  // only where the coverage changed (old and new bounds of the edited regions).
  void prepare(LoadedImage& image);
  // Adds the switch to the preview shader (before the image is drawn) / back to ImGui's state (after).
  void begin(ImDrawList* draw, LoadedImage& image, bool showOriginal);
  static void end(ImDrawList* draw);
  // Renders the preview of the whole image at 1:1 into an offscreen framebuffer and reads it back (BGR).
  cv::Mat renderOffscreen(LoadedImage& image);

 private:
  static void onDraw(const ImDrawList* list, const ImDrawCmd* cmd);
  void bindPreview(LoadedImage& image, bool showOriginal, const float projection[16]);
  bool ensureSlot(PreviewTextures& t, const LoadedImage& image, int block);
  void drawQuad(float x0, float y0, float x1, float y1, float u0, float v0, float u1, float v1);

  ShaderProgram preview_, blockMean_;
  std::string error_;
  GLuint vao_ = 0, vbo_ = 0;
};

}  // namespace medpics::desk::gl
