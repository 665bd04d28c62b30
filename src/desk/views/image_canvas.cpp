// Image canvas: draws a LoadedImage through its ViewTransform; wheel zooms about the cursor, drag pans.
#include "desk.hpp"
#include "i18n.hpp"
#include "ui_probe.hpp"
#include "views/keys.hpp"
#include "views/views.hpp"

#include <imgui.h>

#include <cmath>

namespace medpics::desk {
namespace {
using view::Vec2;

ImVec2 toIm(Vec2 v) { return ImVec2(static_cast<float>(v.x), static_cast<float>(v.y)); }

// Texture corner UVs for a rotation in quarter turns (clockwise), in screen corner order TL, TR, BR, BL.
void rotatedUvs(int rotation, ImVec2 uv[4]) {
  const ImVec2 base[4] = {ImVec2(0, 0), ImVec2(1, 0), ImVec2(1, 1), ImVec2(0, 1)};
  const int r = ((rotation % 4) + 4) % 4;
  for (int i = 0; i < 4; ++i) uv[i] = base[(i + 4 - r) % 4];
}
}  // namespace

void drawImageCanvas(LoadedImage& image, const char* id, float height, int rotation) {
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const ImVec2 size(avail.x, height > 0 ? height : avail.y);
  ImGui::InvisibleButton(id, size, ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonMiddle);
  probe(std::string("canvas.") + id);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(origin, ImVec2(origin.x + size.x, origin.y + size.y), IM_COL32(24, 26, 28, 255));

  if (image.status != LoadedImage::Status::Ready || !image.texture) {
    const char* text = image.status == LoadedImage::Status::Failed ? image.error.c_str() : tr("post.downloading");
    draw->AddText(ImVec2(origin.x + 20, origin.y + 20),
                  image.status == LoadedImage::Status::Failed ? IM_COL32(255, 120, 100, 255) : IM_COL32(200, 200, 200, 255),
                  text);
    return;
  }

  // The view works in full-resolution image pixels; the texture may be a downscaled display copy.
  const bool sideways = (rotation % 2) != 0;
  const int w = sideways ? image.pixels->rows : image.pixels->cols;
  const int h = sideways ? image.pixels->cols : image.pixels->rows;
  auto& view = image.view;
  view.setViewport({origin.x, origin.y}, {size.x, size.y});
  if (!image.viewInitialised) {
    view.setImageSize(w, h);
    image.viewInitialised = true;
  }

  const ImGuiIO& io = ImGui::GetIO();
  const Vec2 mouse{io.MousePos.x, io.MousePos.y};
  if (ImGui::IsItemHovered()) {
    if (io.MouseWheel != 0) view.zoomAt(std::pow(1.2, io.MouseWheel), mouse);
    if (shortcut(GLFW_KEY_F)) view.fit();
    if (shortcut(GLFW_KEY_1) || shortcut(GLFW_KEY_KP_1)) view.oneToOne(mouse);
    if (shortcut(GLFW_KEY_EQUAL) || shortcut(GLFW_KEY_KP_ADD)) view.zoomStep(1, mouse);
    if (shortcut(GLFW_KEY_MINUS) || shortcut(GLFW_KEY_KP_SUBTRACT)) view.zoomStep(-1, mouse);
  }
  if (ImGui::IsItemActive() && (ImGui::IsMouseDragging(ImGuiMouseButton_Left) || ImGui::IsMouseDragging(ImGuiMouseButton_Middle)))
    view.pan({io.MouseDelta.x, io.MouseDelta.y});

  image.texture.setNearest(view.zoom() > 1.0);
  ImVec2 uv[4];
  rotatedUvs(rotation, uv);
  const Vec2 tl = view.toScreen({0, 0}), br = view.toScreen({double(w), double(h)});
  draw->PushClipRect(origin, ImVec2(origin.x + size.x, origin.y + size.y), true);
  draw->AddImageQuad(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(image.texture.id())), toIm(tl),
                     ImVec2(float(br.x), float(tl.y)), toIm(br), ImVec2(float(tl.x), float(br.y)), uv[0], uv[1], uv[2],
                     uv[3]);
  draw->PopClipRect();

  char zoom[64];
  std::snprintf(zoom, sizeof zoom, "%s %.0f %%  (%d × %d)", tr("status.zoom"), view.zoom() * 100, image.pixels->cols,
                image.pixels->rows);
  draw->AddText(ImVec2(origin.x + 8, origin.y + size.y - 22), IM_COL32(230, 230, 230, 220), zoom);
}

}  // namespace medpics::desk
