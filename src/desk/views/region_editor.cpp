// Region editor on the post image: draw, select, move, resize, nudge, brush, accept / dismiss, undo / redo.
#include "desk.hpp"
#include "i18n.hpp"
#include "ui_probe.hpp"
#include "views/canvas.hpp"
#include "shortcuts.hpp"
#include "style.hpp"
#include "views/keys.hpp"
#include "views/region_editor.hpp"
#include "views/regions_panel.hpp"

#include <imgui.h>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <optional>

namespace medpics::desk {
namespace {
using mask::Region;
using mask::Shape;
using review::Item;
using view::Vec2;

// Half side of a resize handle, in screen pixels (constant at every zoom).
float handleHalf() { return style::px(style::kHandle); }

ImVec2 screen(const view::ViewTransform& v, double x, double y) {
  const Vec2 s = v.toScreen({x, y});
  return ImVec2(static_cast<float>(s.x), static_cast<float>(s.y));
}

cv::Point imagePixel(const view::ViewTransform& v, ImVec2 mouse) {
  const Vec2 p = v.toImage({mouse.x, mouse.y});
  return {static_cast<int>(std::floor(p.x)), static_cast<int>(std::floor(p.y))};
}

// Handle k of a box: 0 TL, 1 T, 2 TR, 3 R, 4 BR, 5 B, 6 BL, 7 L (image coordinates of the box edges).
cv::Point2d handlePoint(const cv::Rect& b, int k) {
  const double x0 = b.x, y0 = b.y, x1 = b.x + b.width, y1 = b.y + b.height, xm = (x0 + x1) / 2, ym = (y0 + y1) / 2;
  const cv::Point2d pts[8] = {{x0, y0}, {xm, y0}, {x1, y0}, {x1, ym}, {x1, y1}, {xm, y1}, {x0, y1}, {x0, ym}};
  return pts[k];
}

// New box when handle k moves by (dx, dy) image pixels; never smaller than 1×1.
cv::Rect resizedBox(cv::Rect b, int k, int dx, int dy) {
  int x0 = b.x, y0 = b.y, x1 = b.x + b.width, y1 = b.y + b.height;
  if (k == 0 || k == 6 || k == 7) x0 += dx;
  if (k == 2 || k == 3 || k == 4) x1 += dx;
  if (k == 0 || k == 1 || k == 2) y0 += dy;
  if (k == 4 || k == 5 || k == 6) y1 += dy;
  if (x1 <= x0) std::swap(x0, x1), x1 = std::max(x1, x0 + 1);
  if (y1 <= y0) std::swap(y0, y1), y1 = std::max(y1, y0 + 1);
  return {x0, y0, x1 - x0, y1 - y0};
}

// The outline of a region as a closed path in screen coordinates.
std::vector<ImVec2> outline(const view::ViewTransform& v, const Region& r) {
  std::vector<ImVec2> path;
  if (r.shape == Shape::Polygon) {
    for (const auto& p : r.points) path.push_back(screen(v, p.x + 0.5, p.y + 0.5));
  } else if (r.shape == Shape::Ellipse) {
    const ImVec2 a = screen(v, r.box.x, r.box.y), b = screen(v, r.box.x + r.box.width, r.box.y + r.box.height);
    for (int i = 0; i < 48; ++i) {
      const double t = 2 * M_PI * i / 48;
      path.emplace_back((a.x + b.x) / 2 + (b.x - a.x) / 2 * float(std::cos(t)),
                        (a.y + b.y) / 2 + (b.y - a.y) / 2 * float(std::sin(t)));
    }
  } else {
    const ImVec2 a = screen(v, r.box.x, r.box.y), b = screen(v, r.box.x + r.box.width, r.box.y + r.box.height);
    path = {a, ImVec2(b.x, a.y), b, ImVec2(a.x, b.y)};
  }
  return path;
}

// Kind colour over a dark halo so the outline reads on any image; dismissed regions are grey and thin.
void drawRegionOutline(ImDrawList* draw, const view::ViewTransform& v, const Region& r, bool selected, bool fill) {
  const bool dismissed = r.state == mask::State::Dismissed;
  const ImU32 colour = style::colour::region(r.kind, r.origin == mask::Origin::Manual, dismissed);
  const float thickness = selected ? 2.5f : dismissed ? 1.0f : 1.5f;
  const std::vector<ImVec2> path = outline(v, r);
  if (fill && !dismissed && r.shape != Shape::Brush && r.shape != Shape::Polygon)
    draw->AddConvexPolyFilled(path.data(), static_cast<int>(path.size()), (colour & 0x00FFFFFF) | 0x50000000);
  draw->AddPolyline(path.data(), static_cast<int>(path.size()), style::colour::kOutline, ImDrawFlags_Closed,
                    thickness + 2);
  draw->AddPolyline(path.data(), static_cast<int>(path.size()), colour, ImDrawFlags_Closed, thickness);
}

void drawHandles(ImDrawList* draw, const view::ViewTransform& v, const Region& r) {
  auto square = [&](ImVec2 c) {
    const float h = handleHalf();
    draw->AddRectFilled(ImVec2(c.x - h, c.y - h), ImVec2(c.x + h, c.y + h), style::colour::kHandleFill);
    draw->AddRect(ImVec2(c.x - h, c.y - h), ImVec2(c.x + h, c.y + h), style::colour::kOutline | IM_COL32_A_MASK);
  };
  if (r.shape == Shape::Polygon) {
    for (const auto& p : r.points) square(screen(v, p.x + 0.5, p.y + 0.5));
  } else {
    for (int k = 0; k < 8; ++k) {
      const cv::Point2d h = handlePoint(r.box, k);
      square(screen(v, h.x, h.y));
    }
  }
}

// Handle under the mouse of the single selected region: box handle 0..7 or vertex index; -1 if none.
int handleAt(const view::ViewTransform& v, const Region& r, ImVec2 mouse) {
  auto near = [&](ImVec2 c) {
    return std::abs(mouse.x - c.x) <= handleHalf() + 1 && std::abs(mouse.y - c.y) <= handleHalf() + 1;
  };
  if (r.shape == Shape::Polygon) {
    for (int i = 0; i < static_cast<int>(r.points.size()); ++i)
      if (near(screen(v, r.points[i].x + 0.5, r.points[i].y + 0.5))) return i;
    return -1;
  }
  for (int k = 0; k < 8; ++k) {
    const cv::Point2d h = handlePoint(r.box, k);
    if (near(screen(v, h.x, h.y))) return k;
  }
  return -1;
}

// Paints (or erases) a disc into a brush region, growing its box within the image as needed.
Region paint(Region r, cv::Point centre, int radius, bool erase, cv::Size image) {
  const cv::Rect disc =
      cv::Rect(centre.x - radius, centre.y - radius, 2 * radius + 1, 2 * radius + 1) & cv::Rect({0, 0}, image);
  if (disc.area() == 0) return r;
  if (!erase) {
    const cv::Rect grown = r.brush.empty() ? disc : (r.box | disc);
    if (grown != r.box || r.brush.empty()) {
      cv::Mat1b bigger(grown.size(), uchar(0));
      if (!r.brush.empty())
        r.brush.copyTo(bigger(cv::Rect(r.box.x - grown.x, r.box.y - grown.y, r.box.width, r.box.height)));
      r.brush = bigger;
      r.box = grown;
    }
  }
  if (r.brush.empty()) return r;
  cv::circle(r.brush, centre - r.box.tl(), radius, cv::Scalar(erase ? 0 : 255), cv::FILLED, cv::LINE_8);
  return r;
}

// A new manual rectangle centred in the view (a quarter of the visible width, at least 16 px), selected, ready to be
// moved with the arrows and sized with Ctrl+arrows: regions are added without the mouse.
void addRegionAtViewCentre(EditorState& ed, LoadedImage& image) {
  auto& doc = image.regions;
  const auto& v = viewOf(image).transform;
  const Vec2 size = v.viewportSize();
  const Vec2 centre = v.toImage({v.viewportOrigin().x + size.x / 2, v.viewportOrigin().y + size.y / 2});
  const int side = std::clamp(static_cast<int>(size.x / v.zoom() / 4), 16, std::max(16, doc.imageSize().width));
  Region r;
  r.shape = Shape::Rect;
  r.style = ed.newStyle;
  r.box = cv::Rect(static_cast<int>(centre.x) - side / 2, static_cast<int>(centre.y) - side / 4, side,
                   std::max(8, side / 2));
  r = doc.clampToImage(r);
  ed.tool = Tool::Select;
  doc.select(doc.add(r));
}

void handleKeys(const OpenPost& post, EditorState& ed, LoadedImage& image) {
  auto& doc = image.regions;
  const ImGuiIO& io = ImGui::GetIO();
  if (io.WantTextInput) return;
  const bool ctrl = io.KeyCtrl, shift = io.KeyShift;
  auto arrow = [](int key) { return ImGui::IsKeyPressed(key, true); };
  if (pressed(Action::Undo, true)) doc.undo();
  if (pressed(Action::Redo, true)) doc.redo();
  if (pressed(Action::DuplicateRegion)) doc.duplicateSelected();
  const bool next = pressed(Action::NextFinding, true), previous = pressed(Action::PreviousFinding, true);
  if (next || previous) {
    // After the residual check objected, Tab walks its new findings only; otherwise every region.
    const bool onlyNew = post.residualFindings > 0 && !image.newFindings.empty();
    const auto found = onlyNew ? doc.cycle(previous ? -1 : 1, image.newFindings) : doc.cycle(previous ? -1 : 1);
    if (found) {
      doc.select(*found);
      centreOnRegion(image, doc.find(*found)->region);
      ed.scrollListToSelection = true;
    }
  }
  const int step = shift ? 10 : 1;  // Shift: 10 px (table: Nudge, NudgeFar, Resize)
  const int dx = (arrow(GLFW_KEY_RIGHT) ? step : 0) - (arrow(GLFW_KEY_LEFT) ? step : 0);
  const int dy = (arrow(GLFW_KEY_DOWN) ? step : 0) - (arrow(GLFW_KEY_UP) ? step : 0);
  if (dx || dy) {
    if (ctrl)
      doc.resizeSelected(dx, dy);
    else
      doc.moveSelected(dx, dy);
  }
  if (pressed(Action::DeleteRegion)) {
    // Automatic findings are dismissed (the dismissal is part of the decision); manual regions are deleted.
    bool anyAuto = false;
    for (int id : doc.selection()) anyAuto = anyAuto || doc.find(id)->region.origin == mask::Origin::Auto;
    if (anyAuto)
      doc.setStateSelected(mask::State::Dismissed);
    else
      doc.removeSelected();
  }
  if (pressed(Action::ToggleFinding) && !doc.selection().empty()) {
    const bool dismissed = doc.find(*doc.selection().begin())->region.state == mask::State::Dismissed;
    doc.setStateSelected(dismissed ? mask::State::Accepted : mask::State::Dismissed);
  }
  if (pressed(Action::CycleStyle) && !doc.selection().empty()) {
    const mask::Style s = doc.find(*doc.selection().begin())->region.style;
    doc.setStyleSelected(s == mask::Style::Solid    ? mask::Style::Mosaic
                         : s == mask::Style::Mosaic ? mask::Style::Blur
                                                    : mask::Style::Solid);
  }
  if (pressed(Action::NewRegion)) addRegionAtViewCentre(ed, image);
  if (pressed(Action::ToolSelect)) ed.tool = Tool::Select;
  if (pressed(Action::ToolRect)) ed.tool = Tool::Rect;
  if (pressed(Action::ToolEllipse)) ed.tool = Tool::Ellipse;
  if (pressed(Action::ToolPolygon)) ed.tool = Tool::Polygon;
  if (pressed(Action::ToolBrush)) ed.tool = Tool::Brush;
  if (pressed(Action::ToolEraser)) ed.tool = Tool::Eraser;
  if (pressed(Action::Cancel)) {
    ed.polygonDraft.clear();
    doc.clearSelection();
  }
  if (pressed(Action::ClosePolygon) && ed.polygonDraft.size() >= 3) {
    Region r;
    r.shape = Shape::Polygon;
    r.points = ed.polygonDraft;
    r.style = ed.newStyle;
    doc.add(r);
    ed.polygonDraft.clear();
  }
}

void handleMouse(EditorState& ed, LoadedImage& image, const CanvasFrame& frame) {
  auto& doc = image.regions;
  const auto& v = viewOf(image).transform;
  const ImGuiIO& io = ImGui::GetIO();
  const cv::Point p = imagePixel(v, io.MousePos);
  const cv::Size size = doc.imageSize();
  const cv::Point clamped(std::clamp(p.x, 0, size.width - 1), std::clamp(p.y, 0, size.height - 1));

  if (frame.hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
    const Item* single = doc.selection().size() == 1 ? doc.find(*doc.selection().begin()) : nullptr;
    const int handle = single && ed.tool == Tool::Select ? handleAt(v, single->region, io.MousePos) : -1;
    ed.dragStart = clamped;
    if (handle >= 0) {
      ed.drag = single->region.shape == Shape::Polygon ? EditorState::Drag::Vertex : EditorState::Drag::Handle;
      ed.dragId = single->id;
      ed.handle = handle;
      ed.dragOrigin = single->region;
      doc.beginGesture();
    } else if (ed.tool == Tool::Select) {
      if (auto hit = doc.hitTest(p)) {
        if (io.KeyShift)
          doc.select(*hit, true);
        else if (!doc.selection().count(*hit))
          doc.select(*hit);
        ed.scrollListToSelection = true;
        ed.drag = EditorState::Drag::Move;
        ed.dragId = *hit;
        ed.moveOrigins.clear();
        for (int id : doc.selection()) ed.moveOrigins.emplace_back(id, doc.find(id)->region);
        doc.beginGesture();
      } else {
        doc.clearSelection();
      }
    } else if (ed.tool == Tool::Rect || ed.tool == Tool::Ellipse) {
      Region r;
      r.shape = ed.tool == Tool::Rect ? Shape::Rect : Shape::Ellipse;
      r.box = {clamped.x, clamped.y, 1, 1};
      r.style = ed.newStyle;
      doc.beginGesture();  // creation and sizing are one undo step
      ed.dragId = doc.add(r);
      ed.dragOrigin = r;
      ed.drag = EditorState::Drag::Create;
    } else if (ed.tool == Tool::Polygon) {
      ed.polygonDraft.push_back(clamped);
    } else {  // brush or eraser: into the selected brush region, or a new one
      const bool erase = ed.tool == Tool::Eraser;
      if (single && single->region.shape == Shape::Brush) {
        ed.dragId = single->id;
        Region r = single->region;
        r.brush = r.brush.clone();  // history keeps the old pixels
        doc.beginGesture();
        doc.gestureReplace(ed.dragId, paint(r, clamped, ed.brushRadius, erase, size));
        ed.drag = EditorState::Drag::Paint;
      } else if (!erase) {
        Region r;
        r.shape = Shape::Brush;
        r.style = ed.newStyle;
        r = paint(r, clamped, ed.brushRadius, false, size);
        doc.beginGesture();
        ed.dragId = doc.add(r);
        ed.drag = EditorState::Drag::Paint;
      }
    }
  }

  if (ed.drag != EditorState::Drag::None && ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
    const int dx = clamped.x - ed.dragStart.x, dy = clamped.y - ed.dragStart.y;
    switch (ed.drag) {
      case EditorState::Drag::Create: {
        Region r = ed.dragOrigin;
        r.box = cv::Rect(cv::Point(std::min(ed.dragStart.x, clamped.x), std::min(ed.dragStart.y, clamped.y)),
                         cv::Point(std::max(ed.dragStart.x, clamped.x) + 1, std::max(ed.dragStart.y, clamped.y) + 1));
        doc.gestureReplace(ed.dragId, r);
        break;
      }
      case EditorState::Drag::Move:
        // Every selected region moves by the total delta from where the drag began.
        for (const auto& [id, r] : ed.moveOrigins)
          doc.gestureReplace(id, doc.clampToImage(review::translated(r, dx, dy)));
        break;
      case EditorState::Drag::Handle: {
        Region r = ed.dragOrigin;
        r.box = resizedBox(r.box, ed.handle, dx, dy) & cv::Rect({0, 0}, size);
        if (r.shape == Shape::Brush) {
          cv::Mat1b resized(r.box.size(), uchar(0));
          const cv::Rect overlap = (ed.dragOrigin.box & r.box);
          if (overlap.area() > 0)
            ed.dragOrigin.brush(overlap - ed.dragOrigin.box.tl()).copyTo(resized(overlap - r.box.tl()));
          r.brush = resized;
        }
        doc.gestureReplace(ed.dragId, r);
        break;
      }
      case EditorState::Drag::Vertex: {
        Region r = ed.dragOrigin;
        r.points.at(static_cast<size_t>(ed.handle)) += cv::Point(dx, dy);
        doc.gestureReplace(ed.dragId, r);
        break;
      }
      case EditorState::Drag::Paint:
        if (const Item* item = doc.find(ed.dragId))
          doc.gestureReplace(ed.dragId, paint(item->region, clamped, ed.brushRadius, ed.tool == Tool::Eraser, size));
        break;
      case EditorState::Drag::None: break;
    }
  }
  if (ed.drag != EditorState::Drag::None && !ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
    doc.endGesture();
    ed.drag = EditorState::Drag::None;
  }
}

// Outlines, handles, the polygon draft and the pixel grid, clipped above the status line.
void drawOverlays(const EditorState& ed, const LoadedImage& image, const CanvasFrame& frame) {
  const view::ViewTransform& view = viewOf(image).transform;
  ImDrawList* draw = frame.layer;
  draw->PushClipRect(
      frame.origin,
      ImVec2(frame.origin.x + frame.size.x, frame.origin.y + frame.size.y - style::px(style::kStatusLine)), true);
  if (!ed.showOriginal && !ed.finalReview) {
    const bool fill = !ed.preview;  // without the shader preview, masked areas are tinted
    for (const auto& item : image.regions.items())
      drawRegionOutline(draw, view, item.region, image.regions.selection().count(item.id) > 0, fill);
    if (image.regions.selection().size() == 1 && ed.tool == Tool::Select)
      drawHandles(draw, view, image.regions.find(*image.regions.selection().begin())->region);
  }
  for (size_t i = 0; i < ed.polygonDraft.size(); ++i) {
    const ImVec2 a = screen(view, ed.polygonDraft[i].x + 0.5, ed.polygonDraft[i].y + 0.5);
    draw->AddCircleFilled(a, 3, style::colour::kOwn);
    if (i > 0)
      draw->AddLine(screen(view, ed.polygonDraft[i - 1].x + 0.5, ed.polygonDraft[i - 1].y + 0.5), a,
                    style::colour::kOwn, 1.5f);
  }
  // Pixel grid from 8×.
  const double zoom = view.zoom();
  if (zoom >= 8) {
    const Vec2 tl = view.toImage({frame.origin.x, frame.origin.y});
    const Vec2 br = view.toImage({frame.origin.x + frame.size.x, frame.origin.y + frame.size.y});
    const int x0 = std::max(0, int(tl.x)), x1 = std::min(image.pixels->cols, int(br.x) + 1);
    const int y0 = std::max(0, int(tl.y)), y1 = std::min(image.pixels->rows, int(br.y) + 1);
    for (int x = x0; x <= x1; ++x) draw->AddLine(screen(view, x, y0), screen(view, x, y1), style::colour::kPixelGrid);
    for (int y = y0; y <= y1; ++y) draw->AddLine(screen(view, x0, y), screen(view, x1, y), style::colour::kPixelGrid);
  }
  draw->PopClipRect();
}

}  // namespace

void centreOnRegion(LoadedImage& image, const Region& r) {
  const cv::Rect b = r.bounds();
  auto& v = viewOf(image).transform;
  const Vec2 size = v.viewportSize();
  const double target = std::min(size.x / (b.width * 3.0), size.y / (b.height * 3.0));
  const Vec2 centre{v.viewportOrigin().x + size.x / 2, v.viewportOrigin().y + size.y / 2};
  v.setZoom(std::clamp(target, v.fitZoom(), 16.0), centre);
  v.centreOn({b.x + b.width / 2.0, b.y + b.height / 2.0});
}

CanvasFrame drawRegionEditor(const OpenPost& post, EditorState& ed, LoadedImage& image, float height, bool keyboard,
                             const std::function<void(ImDrawList*)>& beforeImage,
                             const std::function<void(ImDrawList*)>& afterImage, std::uint64_t layerStamp) {
  CanvasOptions options;
  options.height = height;
  // In the select tool, the left button pans unless it grabs a region or a handle of the selected one.
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  const auto& doc = image.regions;
  const view::ViewTransform& view = viewOf(image).transform;
  const bool overHandle = doc.selection().size() == 1 && image.status == LoadedImage::Status::Ready &&
                          handleAt(view, doc.find(*doc.selection().begin())->region, mouse) >= 0;
  options.leftDragPans = ed.finalReview || (ed.tool == Tool::Select && ed.drag == EditorState::Drag::None &&
                                            !overHandle && !doc.hitTest(imagePixel(view, mouse)));
  options.keyboard = keyboard;
  options.beforeImage = beforeImage;
  options.afterImage = afterImage;
  options.layerStamp = layerStamp;
  const CanvasFrame frame = beginCanvas(image, "post", options);
  if (frame.ready) {
    if (keyboard && !ed.finalReview) handleKeys(post, ed, image);
    if (ed.finalReview) {
      // read-only: the view pans and zooms, nothing is edited
    } else if (!options.leftDragPans || ed.drag != EditorState::Drag::None) {
      handleMouse(ed, image, frame);
    } else if (frame.hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
      image.regions.clearSelection();
    }
    drawOverlays(ed, image, frame);  // into the canvas layer: cached with the image while nothing changes
  }
  endCanvas(image, frame, options);
  return frame;
}

}  // namespace medpics::desk
