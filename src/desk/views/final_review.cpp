// Final review: the published image fitted, a 1:1 loupe following the pointer or Tab, the post's filmstrip, and
// the masks visited (N/N zones vérifiées).
#include "views/final_review.hpp"

#include "i18n.hpp"
#include "shortcuts.hpp"
#include "ui_probe.hpp"
#include "views/views.hpp"

#include "medpics/mask/caption.hpp"
#include "style.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <utility>
#include <vector>

namespace medpics::desk {
namespace {
using view::Vec2;

cv::Point2d centreOf(const mask::Region& r) {
  const cv::Rect b = r.bounds();
  return {b.x + b.width / 2.0, b.y + b.height / 2.0};
}

// The image's pixels with image point p drawn at offset + p * scale (unrotated; the preview shader, when begun on
// `draw`, masks them exactly as the burn-in will).
void drawPixels(ImDrawList* draw, const LoadedImage& image, ImVec2 offset, float scale) {
  for (const auto& tile : gpu(image).texture.tiles()) {
    const cv::Rect& a = tile.area;
    const ImVec2 min(offset.x + a.x * scale, offset.y + a.y * scale);
    const ImVec2 max(offset.x + (a.x + a.width) * scale, offset.y + (a.y + a.height) * scale);
    draw->AddImage(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(tile.texture.id())), min, max);
  }
}

// Without the preview shader, the masks are drawn as solid boxes over the pixels: never the original under a mask.
void drawSolidMasks(ImDrawList* draw, const LoadedImage& image, ImVec2 offset, float scale) {
  for (const auto& item : image.regions.items()) {
    if (!item.region.masks()) continue;
    const cv::Rect b = item.region.bounds();
    draw->AddRectFilled(ImVec2(offset.x + b.x * scale, offset.y + b.y * scale),
                        ImVec2(offset.x + (b.x + b.width) * scale, offset.y + (b.y + b.height) * scale),
                        style::colour::kSolidMask);
  }
}

// The published pixels of `image` at offset + p * scale, clipped to [min, max].
void drawPublished(ImDrawList* draw, LoadedImage& image, gl::MaskPreview* preview, bool previewOn, ImVec2 min,
                   ImVec2 max, ImVec2 offset, float scale, bool showOriginal) {
  draw->PushClipRect(min, max, true);
  draw->AddRectFilled(min, max, style::colour::kCanvas);
  if (previewOn) preview->begin(draw, image, showOriginal);
  drawPixels(draw, image, offset, scale);
  if (previewOn)
    gl::MaskPreview::end(draw);
  else
    drawSolidMasks(draw, image, offset, scale);
  draw->PopClipRect();
}

// Every masking region of the post in reading order, image by image: (image index, region id).
std::vector<std::pair<int, int>> masksInOrder(const OpenPost& post) {
  std::vector<std::pair<int, int>> order;
  for (int i = 0; i < static_cast<int>(post.images.size()); ++i) {
    const auto& doc = post.images[static_cast<size_t>(i)].regions;
    for (int id : doc.readingOrder())
      if (doc.find(id)->region.masks()) order.emplace_back(i, id);
  }
  return order;
}
}  // namespace

void showFinalReview(EditorState& ed, LoadedImage& image) {
  viewOf(image).transform.fit();
  ed.loupeAnchor.reset();
  image.regions.clearSelection();
  for (int id : image.regions.readingOrder()) {
    const mask::Region& r = image.regions.find(id)->region;
    if (!r.masks()) continue;
    image.regions.select(id);
    ed.loupeAnchor = centreOf(r);
    break;
  }
}

void finalReviewKeys(OpenPost& post, EditorState& ed) {
  const bool next = pressed(Action::NextFinding, true), previous = pressed(Action::PreviousFinding, true);
  if (!next && !previous) return;
  const auto order = masksInOrder(post);
  if (order.empty()) return;
  const int n = static_cast<int>(order.size());
  int pos = -1;
  const auto& selection = post.images.at(static_cast<size_t>(post.currentImage)).regions.selection();
  for (int k = 0; k < n && !selection.empty(); ++k)
    if (order[static_cast<size_t>(k)] == std::make_pair(post.currentImage, *selection.begin())) pos = k;
  const int direction = previous ? -1 : 1;
  const int target = pos < 0 ? (direction > 0 ? 0 : n - 1) : ((pos + direction) % n + n) % n;
  const auto [imageIndex, id] = order[static_cast<size_t>(target)];
  post.currentImage = imageIndex;
  LoadedImage& image = post.images.at(static_cast<size_t>(imageIndex));
  image.regions.select(id);
  ed.loupeAnchor = centreOf(image.regions.find(id)->region);
}

void drawLoupe(EditorState& ed, LoadedImage& image, const CanvasFrame& frame, gl::MaskPreview* preview,
               bool previewOn) {
  if (!frame.ready) return;
  const ImGuiIO& io = ImGui::GetIO();
  if (frame.hovered && (io.MouseDelta.x != 0 || io.MouseDelta.y != 0)) ed.loupeAnchor.reset();
  ImageViewState& state = viewOf(image);
  const auto& view = state.transform;
  cv::Point2d centre;  // the image point at the loupe's centre
  ImVec2 at;           // where the loupe is drawn (screen), before it is kept inside the canvas
  if (ed.loupeAnchor) {
    centre = *ed.loupeAnchor;
    const Vec2 s = view.toScreen({centre.x, centre.y});
    at = ImVec2(static_cast<float>(s.x), static_cast<float>(s.y));
  } else if (frame.hovered) {
    const Vec2 p = view.toImage({io.MousePos.x, io.MousePos.y});
    centre = {p.x, p.y};
    at = io.MousePos;
  } else {
    return;
  }
  // 1:1, or whole multiples of the fitted zoom when the image is already shown at 1:1 or more.
  const float scale = static_cast<float>(std::max(1.0, std::round(view.zoom() * 2)));
  const float statusLine = style::px(style::kStatusLine);  // the canvas's status line at the bottom
  const float side =
      std::floor(std::min({style::px(style::kLoupeSide), frame.size.x * 0.45f, (frame.size.y - statusLine) * 0.6f}));
  const float maxX = frame.origin.x + frame.size.x - side, maxY = frame.origin.y + frame.size.y - statusLine - side;
  const ImVec2 min(std::floor(std::clamp(at.x - side / 2, frame.origin.x, std::max(frame.origin.x, maxX))),
                   std::floor(std::clamp(at.y - side / 2, frame.origin.y, std::max(frame.origin.y, maxY))));
  const ImVec2 max(min.x + side, min.y + side);
  // Whole image pixels from the loupe's top-left corner: each screen pixel shows one image pixel (at 1:1).
  const cv::Point2d source(std::floor(centre.x - side / (2 * scale)), std::floor(centre.y - side / (2 * scale)));
  const ImVec2 offset(min.x - static_cast<float>(source.x) * scale, min.y - static_cast<float>(source.y) * scale);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  drawPublished(draw, image, preview, previewOn, min, max, offset, scale, ed.showOriginal);
  draw->AddRect(ImVec2(min.x - 1, min.y - 1), ImVec2(max.x + 1, max.y + 1), style::colour::kOutline, 0, 0, 3);
  draw->AddRect(min, max, style::colour::kAccentLine, 0, 0, 1.5f);
  const std::string label = std::to_string(static_cast<int>(scale)) + ":1";
  const ImVec2 labelAt(min.x + 6, max.y - ImGui::GetFontSize() - 6), labelSize = ImGui::CalcTextSize(label.c_str());
  draw->AddRectFilled(ImVec2(labelAt.x - 3, labelAt.y - 1),
                      ImVec2(labelAt.x + labelSize.x + 3, labelAt.y + labelSize.y + 1), style::colour::kShade);
  draw->AddText(labelAt, style::colour::kAccentLine, label.c_str());
  UiProbe::instance().markRect("final.loupe", min, max);

  // A mask counts as visited once the loupe has shown its centre.
  const cv::Rect2d shown(source.x, source.y, side / scale, side / scale);
  for (const auto& item : image.regions.items())
    if (item.region.masks() && shown.contains(centreOf(item.region))) state.visitedMasks.insert(item.id);
}

void drawFilmstrip(OpenPost& post, EditorState& ed, gl::MaskPreview* preview, float height) {
  const float thumbHeight = height - ImGui::GetTextLineHeightWithSpacing() - style::px(style::kSpaceL);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  for (int i = 0; i < static_cast<int>(post.images.size()); ++i) {
    LoadedImage& image = post.images[static_cast<size_t>(i)];
    if (i) ImGui::SameLine(0, style::px(style::kSpaceXl));
    const float aspect = image.pixels ? float(image.pixels->cols) / float(std::max(1, image.pixels->rows)) : 1.0f;
    const float thumbWidth = std::clamp(thumbHeight * aspect, thumbHeight * 0.5f, thumbHeight * 2.0f);
    ImGui::BeginGroup();
    const ImVec2 min = ImGui::GetCursorScreenPos();
    if (ImGui::InvisibleButton(("##film" + std::to_string(i)).c_str(), ImVec2(thumbWidth, thumbHeight)) &&
        post.currentImage != i) {
      post.currentImage = i;
      ed.finalReviewFitted = -1;  // fitted when it is drawn
    }
    probe("final.film." + std::to_string(i));
    const ImVec2 max(min.x + thumbWidth, min.y + thumbHeight);
    if (image.status == LoadedImage::Status::Ready && !gpu(image).texture.empty()) {
      const float scale = std::min(thumbWidth / float(image.pixels->cols), thumbHeight / float(image.pixels->rows));
      const ImVec2 offset(min.x + (thumbWidth - image.pixels->cols * scale) / 2,
                          min.y + (thumbHeight - image.pixels->rows * scale) / 2);
      const bool previewOn = preview && preview->available(image);
      if (previewOn) preview->prepare(image);
      drawPublished(draw, image, preview, previewOn, min, max, offset, scale, false);
    }
    const bool current = post.currentImage == i;
    draw->AddRect(min, max, current ? style::colour::kAccentLine : style::colour::kFrame, 0, 0, current ? 2.5f : 1);
    const MaskVisits visits = maskVisits(image);
    const std::string label = std::string(tr("post.image")) + " " + std::to_string(i + 1) + "  ·  " +
                              std::to_string(visits.visited) + "/" + std::to_string(visits.total) + " " +
                              tr("final.masks_short");
    ImGui::TextColored(visits.complete() ? style::colour::kSuccess : ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled),
                       "%s", label.c_str());
    ImGui::EndGroup();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("final.film_tooltip"));
  }
}

MaskVisits maskVisits(const LoadedImage& image) {
  MaskVisits visits;
  const std::set<int>& visited = viewOf(image).visitedMasks;
  for (const auto& item : image.regions.items())
    if (item.region.masks()) ++visits.total, visits.visited += static_cast<int>(visited.count(item.id));
  return visits;
}

MaskVisits maskVisits(const OpenPost& post) {
  MaskVisits visits;
  for (const auto& image : post.images) {
    const MaskVisits one = maskVisits(image);
    visits.visited += one.visited;
    visits.total += one.total;
  }
  return visits;
}

std::string publishedCaption(const OpenPost& post) {
  return mask::maskCaption(post.detail.caption, post.maskedCaptionSpans()).text;
}

}  // namespace medpics::desk
