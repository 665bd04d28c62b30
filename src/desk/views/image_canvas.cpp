// Image canvas: draws a LoadedImage through its ViewTransform; wheel zooms about the cursor, drag pans.
#include "desk.hpp"
#include "i18n.hpp"
#include "ui_probe.hpp"
#include "views/canvas.hpp"
#include "shortcuts.hpp"
#include "style.hpp"
#include "views/views.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace medpics::desk {
namespace {
using view::Vec2;

ImVec2 toIm(Vec2 v) { return ImVec2(static_cast<float>(v.x), static_cast<float>(v.y)); }

// Image point (x, y) after a rotation of the image by quarter turns (clockwise); w, h: unrotated size.
Vec2 rotate(double x, double y, int rotation, int w, int h) {
  switch (((rotation % 4) + 4) % 4) {
    case 1: return {h - y, x};
    case 2: return {w - x, h - y};
    case 3: return {y, w - x};
    default: return {x, y};
  }
}

// The view is at the zoom fit() gives (whole image shown): kept fitted when the canvas resizes.
bool showsFitted(const view::ViewTransform& v) {
  const double fit =
      v.fitZoom() >= 1.0 ? std::min(view::ViewTransform::kMaxZoom, std::floor(v.fitZoom())) : v.fitZoom();
  return std::abs(v.zoom() - fit) < 1e-9;
}
}  // namespace

CanvasFrame beginCanvas(LoadedImage& image, const char* id, const CanvasOptions& options) {
  const int rotation = options.rotation;
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const ImVec2 size(avail.x, options.height > 0 ? options.height : avail.y);
  ImGui::InvisibleButton(id, size, ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonMiddle);
  probe(std::string("canvas.") + id);
  ImDrawList* window = ImGui::GetWindowDrawList();
  ImDrawList* draw = window;
  if (gl::LayerCache::enabled) {
    if (!gpu(image).layer) gpu(image).layer = std::make_unique<gl::LayerCache>();
    draw = gpu(image).layer->begin(*window);
  }
  CanvasFrame frame{false, ImGui::IsItemHovered(), ImGui::IsItemActive(), origin, size, draw};
  draw->AddRectFilled(origin, ImVec2(origin.x + size.x, origin.y + size.y), style::colour::kCanvas);

  if (image.status != LoadedImage::Status::Ready || gpu(image).texture.empty()) {
    const char* text = image.status == LoadedImage::Status::Failed ? image.error.c_str() : tr("post.downloading");
    draw->AddText(ImVec2(origin.x + style::px(style::kSpaceXl), origin.y + style::px(style::kSpaceXl)),
                  image.status == LoadedImage::Status::Failed ? ImGui::ColorConvertFloat4ToU32(style::colour::kError)
                                                              : style::colour::kOnShade,
                  text);
    return frame;
  }
  frame.ready = true;

  // The view works in full-resolution image pixels (of the rotated image).
  const bool sideways = (rotation % 2) != 0;
  const int w = sideways ? image.pixels->rows : image.pixels->cols;
  const int h = sideways ? image.pixels->cols : image.pixels->rows;
  ImageViewState& state = viewOf(image);
  auto& view = state.transform;
  // The status line covers the canvas's bottom: fit and centring use the area above it. A view that showed the
  // whole image fitted still does when the canvas changes size (window resized, side panel folded or dragged).
  const Vec2 before = view.viewportSize();
  const bool fitted = state.initialised && showsFitted(view);
  view.setViewport({origin.x, origin.y}, {size.x, std::max(1.0f, size.y - style::px(style::kStatusLine))});
  if (fitted && (view.viewportSize().x != before.x || view.viewportSize().y != before.y)) view.fit();
  if (!state.initialised) {
    view.setImageSize(w, h);
    state.initialised = true;
  }

  const ImGuiIO& io = ImGui::GetIO();
  const Vec2 mouse{io.MousePos.x, io.MousePos.y};
  if (frame.hovered && io.MouseWheel != 0) view.zoomAt(std::pow(1.2, io.MouseWheel), mouse);
  if (frame.hovered || options.keyboard) {  // zoom keys: about the pointer, or the centre without one
    const Vec2 anchor = frame.hovered ? mouse : Vec2{origin.x + size.x / 2.0, origin.y + size.y / 2.0};
    if (pressed(Action::ZoomFit)) view.fit();
    if (pressed(Action::ZoomOneToOne)) view.oneToOne(anchor);
    if (pressed(Action::ZoomIn)) view.zoomStep(1, anchor);
    if (pressed(Action::ZoomOut)) view.zoomStep(-1, anchor);
  }
  const bool panDrag = ImGui::IsMouseDragging(ImGuiMouseButton_Middle) ||
                       (options.leftDragPans && ImGui::IsMouseDragging(ImGuiMouseButton_Left));
  if (frame.active && panDrag) view.pan({io.MouseDelta.x, io.MouseDelta.y});

  gpu(image).texture.setNearest(view.zoom() > 1.0);
  draw->PushClipRect(origin, ImVec2(origin.x + size.x, origin.y + size.y), true);
  if (options.beforeImage) options.beforeImage(draw);
  const int iw = image.pixels->cols, ih = image.pixels->rows;
  for (const auto& tile : gpu(image).texture.tiles()) {
    const cv::Rect& a = tile.area;
    auto corner = [&](int x, int y) { return toIm(view.toScreen(rotate(x, y, rotation, iw, ih))); };
    draw->AddImageQuad(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(tile.texture.id())), corner(a.x, a.y),
                       corner(a.x + a.width, a.y), corner(a.x + a.width, a.y + a.height), corner(a.x, a.y + a.height),
                       ImVec2(0, 0), ImVec2(1, 0), ImVec2(1, 1), ImVec2(0, 1));
  }
  if (options.afterImage) options.afterImage(draw);
  draw->PopClipRect();
  return frame;
}

void endCanvas(LoadedImage& image, const CanvasFrame& frame, const CanvasOptions& options) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 origin = frame.origin, size = frame.size;
  if (frame.layer != draw) {
    // The stamp: the hooks' own state, and which image the tile textures hold.
    const std::uint64_t stamp = options.layerStamp * 0x9E3779B97F4A7C15ull ^ gpu(image).texture.serial();
    gpu(image).layer->end(draw, origin, ImVec2(origin.x + size.x, origin.y + size.y), stamp);
  }
  if (!frame.ready) return;
  const auto& view = viewOf(image).transform;
  const ImGuiIO& io = ImGui::GetIO();
  const Vec2 mouse{io.MousePos.x, io.MousePos.y};

  // Status line: zoom, size, and the image coordinate and RGB value under the cursor.
  char status[160];
  int n = std::snprintf(status, sizeof status, "%s %.0f%s%%  ·  %d × %d", tr("status.zoom"), view.zoom() * 100,
                        percentSpace(), image.pixels->cols, image.pixels->rows);
  const Vec2 p = view.toImage(mouse);
  const int px = static_cast<int>(std::floor(p.x)), py = static_cast<int>(std::floor(p.y));
  if (frame.hovered && options.rotation == 0 && px >= 0 && py >= 0 && px < image.pixels->cols &&
      py < image.pixels->rows) {
    const cv::Vec3b bgr = image.pixels->at<cv::Vec3b>(py, px);
    std::snprintf(status + n, sizeof status - n, "  ·  x %d  y %d  ·  RGB %d %d %d", px, py, bgr[2], bgr[1], bgr[0]);
  }
  const float statusLine = style::px(style::kStatusLine);
  const ImVec2 barMin(origin.x, origin.y + size.y - statusLine), barMax(origin.x + size.x, origin.y + size.y);
  draw->AddRectFilled(barMin, barMax, style::colour::kShade);
  draw->AddText(ImVec2(origin.x + style::px(style::kSpaceL), barMin.y + (statusLine - ImGui::GetFontSize()) / 2),
                style::colour::kOnShade, status);
}

CanvasFrame drawCanvas(LoadedImage& image, const char* id, const CanvasOptions& options) {
  const CanvasFrame frame = beginCanvas(image, id, options);
  endCanvas(image, frame, options);
  return frame;
}

void drawImageCanvas(LoadedImage& image, const char* id, float height, int rotation, bool keyboard) {
  CanvasOptions options;
  options.keyboard = keyboard;
  options.height = height;
  options.rotation = rotation;
  drawCanvas(image, id, options);
}

}  // namespace medpics::desk
