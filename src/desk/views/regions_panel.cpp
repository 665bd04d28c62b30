// Regions panel beside the post image: tools, the findings / regions list with a colour legend, numeric geometry.
#include "desk.hpp"
#include "i18n.hpp"
#include "icons.hpp"
#include "shortcuts.hpp"
#include "style.hpp"
#include "ui_probe.hpp"
#include "views/desk_view.hpp"
#include "views/regions_panel.hpp"

#include "views/views.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <string>

namespace medpics::desk {
namespace {
using mask::Region;

const char* toolLabel(Tool t) {
  switch (t) {
    case Tool::Select: return "editor.tool.select";
    case Tool::Rect: return "editor.tool.rect";
    case Tool::Ellipse: return "editor.tool.ellipse";
    case Tool::Polygon: return "editor.tool.polygon";
    case Tool::Brush: return "editor.tool.brush";
    case Tool::Eraser: return "editor.tool.eraser";
  }
  return "";
}

// The tools as a row of icon buttons (the active one lit), its name and key under the row.
void drawTools(EditorState& ed) {
  const Tool tools[] = {Tool::Select, Tool::Rect, Tool::Ellipse, Tool::Polygon, Tool::Brush, Tool::Eraser};
  const Action actions[] = {Action::ToolSelect,  Action::ToolRect,  Action::ToolEllipse,
                            Action::ToolPolygon, Action::ToolBrush, Action::ToolEraser};
  const char* icons[] = {icon::kSelect, icon::kRectangle, icon::kEllipse, icon::kPolygon, icon::kBrush, icon::kEraser};
  const float side = ImGui::GetFontSize() * 1.75f;  // six fit in the side panel at 1280 px, whatever the paddings
  for (int i = 0; i < 6; ++i) {
    if (i) ImGui::SameLine();
    const bool active = ed.tool == tools[i];
    if (active) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    if (ImGui::Button((std::string(icons[i]) + "##tool" + std::to_string(i)).c_str(), ImVec2(side, side)))
      ed.tool = tools[i];
    if (active) ImGui::PopStyleColor();
    probe(std::string("editor.tool.") + keyLabel(actions[i]));
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", withKey(tr(toolLabel(tools[i])), actions[i]).c_str());
  }
  for (int i = 0; i < 6; ++i)
    if (ed.tool == tools[i]) ImGui::TextUnformatted(withKey(tr(toolLabel(tools[i])), actions[i]).c_str());
  if (ed.tool == Tool::Brush || ed.tool == Tool::Eraser)
    ImGui::SliderInt(tr("editor.brush_radius"), &ed.brushRadius, 1, 200);
  ImGui::Checkbox(tr("editor.preview"), &ed.preview);
  ImGui::SameLine();  // the key hint in the room left, whole in its tooltip when the panel is narrow
  fittedText(ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled),
             std::string("(") + keyLabel(Action::ShowOriginal) + colon() + tr("editor.space_original") + ")");
}

// The width of one of two buttons sharing the panel's width (undo / redo).
float halfWidth() { return (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2; }

void drawSelected(review::RegionDocument& doc) {
  if (doc.selection().size() != 1) return;
  const int id = *doc.selection().begin();
  Region r = doc.find(id)->region;
  ImGui::Separator();
  const cv::Rect b = r.bounds();
  int geometry[4] = {b.x, b.y, b.width, b.height};
  ImGui::PushItemWidth(-1);
  ImGui::PushAllowKeyboardFocus(false);  // Tab reviews the regions; it must not jump into the geometry fields
  const bool geometryEntered = ImGui::InputInt4("##xywh", geometry, ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::PopAllowKeyboardFocus();
  if (geometryEntered && r.shape != mask::Shape::Polygon) {
    r.box = cv::Rect(geometry[0], geometry[1], std::max(1, geometry[2]), std::max(1, geometry[3])) &
            cv::Rect({0, 0}, doc.imageSize());
    if (r.shape == mask::Shape::Brush) {
      cv::Mat1b resized(r.box.size(), uchar(0));
      const cv::Rect overlap = doc.find(id)->region.box & r.box;
      if (overlap.area() > 0)
        doc.find(id)->region.brush(overlap - doc.find(id)->region.box.tl()).copyTo(resized(overlap - r.box.tl()));
      r.brush = resized;
    }
    if (r.box.area() > 0) doc.replace(id, r);
  }
  probe("editor.xywh");
  ImGui::PopItemWidth();
  ImGui::TextDisabled("%s", tr("editor.xywh"));
  int style = static_cast<int>(r.style);
  const char* styles[] = {tr("editor.style.solid"), tr("editor.style.mosaic"), tr("editor.style.blur")};
  if (ImGui::Combo(tr("editor.style"), &style, styles, 3)) doc.setStyleSelected(static_cast<mask::Style>(style));
  if (r.style == mask::Style::Blur) ImGui::TextColored(style::colour::kWarning, "%s", tr("editor.blur_weak"));
  // Dismiss / accept takes the row; duplicate and delete are icons (their names in the tooltip): nothing is cut off
  // in the narrowest panel.
  const bool dismissed = r.state == mask::State::Dismissed;
  const float icon = ImGui::GetFrameHeight() * 1.5f, gap = ImGui::GetStyle().ItemSpacing.x;
  if (ImGui::Button((std::string(dismissed ? icon::kPreview : icon::kDismiss) + "  " +
                     tr(dismissed ? "editor.accept" : "editor.dismiss") + "##toggle")
                        .c_str(),
                    ImVec2(ImGui::GetContentRegionAvail().x - 2 * (icon + gap), 0)))
    doc.setStateSelected(dismissed ? mask::State::Accepted : mask::State::Dismissed);
  shortcutTooltip(Action::ToggleFinding);
  ImGui::SameLine();
  if (ImGui::Button((std::string(icon::kDuplicate) + "##duplicate").c_str(), ImVec2(icon, 0))) doc.duplicateSelected();
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s (%s)", tr("editor.duplicate"), keyLabel(Action::DuplicateRegion));
  ImGui::SameLine();
  if (ImGui::Button((std::string(icon::kDelete) + "##delete").c_str(), ImVec2(icon, 0))) doc.removeSelected();
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("editor.delete"));
}

// One row of the regions list: a thumbnail of the region, its kind in words (and category, confidence), its
// text; dismissed rows grey with ✗. The coordinates are in the tooltip and the geometry field. True when clicked.
bool drawRegionRow(const LoadedImage& image, const review::Item& item, bool selected) {
  const Region& r = item.region;
  const bool dismissed = r.state == mask::State::Dismissed;
  const ImU32 colour = style::colour::region(r.kind, r.origin == mask::Origin::Manual, dismissed);
  const float line = ImGui::GetTextLineHeight(), rowHeight = 2 * line + style::px(style::kSpaceM);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const bool clicked =
      ImGui::Selectable(("##region" + std::to_string(item.id)).c_str(), selected, 0, ImVec2(0, rowHeight));
  const cv::Rect b = r.bounds();
  const std::string category = categoryName(r.kind, r.category);
  if (ImGui::IsItemHovered())  // the whole row, whatever the panel's width cuts off
    ImGui::SetTooltip("%s%s%s%s%s%s\n[%d, %d  %d × %d]",
                      tr(std::string("kind.") + (r.kind.empty() ? "manual" : r.kind)), category.empty() ? "" : " · ",
                      category.c_str(), r.text.empty() ? "" : "\n« ", r.text.c_str(), r.text.empty() ? "" : " »", b.x,
                      b.y, b.width, b.height);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  // Thumbnail: the region's own pixels, fitted in a 3:2 box (an image in several tiles shows the colour only).
  const float inset = style::px(style::kSpaceXs), boxW = rowHeight * 1.5f - 2 * inset, boxH = rowHeight - 2 * inset;
  const ImVec2 box(at.x + inset, at.y + inset);
  draw->AddRectFilled(box, ImVec2(box.x + boxW, box.y + boxH), style::colour::kThumbnail);
  if (const gl::Texture* texture = gpu(image).texture.single(); texture && b.area() > 0) {
    const float scale = std::min(boxW / float(b.width), boxH / float(b.height));
    const float w = b.width * scale, h = b.height * scale;
    const ImVec2 min(box.x + (boxW - w) / 2, box.y + (boxH - h) / 2);
    const float iw = float(image.pixels->cols), ih = float(image.pixels->rows);
    draw->AddImage(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(texture->id())), min,
                   ImVec2(min.x + w, min.y + h), ImVec2(b.x / iw, b.y / ih),
                   ImVec2((b.x + b.width) / iw, (b.y + b.height) / ih));
  }
  draw->AddRect(box, ImVec2(box.x + boxW, box.y + boxH), colour, 0, 0, dismissed ? 1.0f : 2.0f);
  // Kind in words, category and confidence; then the text read, if any.
  std::string title =
      std::string(dismissed ? "✗ " : "") + tr(std::string("kind.") + (r.kind.empty() ? "manual" : r.kind));
  if (!category.empty()) title += " · " + category;
  if (r.origin == mask::Origin::Auto) title += "  " + std::to_string(int(r.confidence * 100)) + " %";
  const float textX = box.x + boxW + 8;
  draw->AddText(ImVec2(textX, at.y + 2), colour, title.c_str());
  if (!r.text.empty())
    draw->AddText(ImVec2(textX, at.y + 4 + line), ImGui::GetColorU32(ImGuiCol_TextDisabled),
                  ("« " + r.text.substr(0, 60) + " »").c_str());
  return clicked;
}

}  // namespace

void drawRegionsPanel(const OpenPost& post, EditorState& ed, LoadedImage& image,
                      const std::function<void(const Region&)>& zoomTo) {
  drawTools(ed);
  ImGui::Separator();
  auto& doc = image.regions;
  int findings = 0, dismissed = 0;
  for (const auto& item : doc.items()) {
    findings += item.region.origin == mask::Origin::Auto;
    dismissed += item.region.state == mask::State::Dismissed;
  }
  ImGui::Text("%s%s%d  ·  %s%s%d", tr("editor.regions"), colon(), static_cast<int>(doc.items().size()),
              tr("editor.dismissed"), colon(), dismissed);
  const char* kinds[] = {"face", "text", "barcode", "tattoo", "manual"};
  for (int k = 0; k < 5; ++k) {
    const char* kind = kinds[k];
    if (k == 3) ImGui::NewLine();
    ImGui::ColorButton(kind, style::colour::vec(style::colour::legend(kind)), ImGuiColorEditFlags_NoTooltip,
                       style::px(style::kLegendSwatch, style::kLegendSwatch));
    ImGui::SameLine();
    ImGui::TextDisabled("%s", tr(std::string("kind.") + kind));
    ImGui::SameLine();
  }
  ImGui::NewLine();
  // After the residual check objected, only its new findings are listed (each decided with D), unless all are asked.
  const bool objection = post.residualFindings > 0 && !image.newFindings.empty();
  if (objection) {
    ImGui::TextColored(style::colour::kError, "%s (%d)", tr("residual.new_findings"),
                       static_cast<int>(image.newFindings.size()));
    ImGui::Checkbox(tr("editor.all_regions"), &ed.listAllRegions);
  }
  // The list takes the height left by what follows it (measured on the last frame: metadata, the selected region's
  // fields, undo / redo, the status line).
  const float reserve = ed.belowRegionList > 0 ? ed.belowRegionList : style::px(style::kRegionListReserve);
  ImGui::BeginChild("##regions", ImVec2(0, -reserve), true);
  int row = 0;
  for (const int id : doc.readingOrder()) {  // the order of Tab
    if (objection && !ed.listAllRegions &&
        std::find(image.newFindings.begin(), image.newFindings.end(), id) == image.newFindings.end())
      continue;
    const review::Item& item = *doc.find(id);
    if (drawRegionRow(image, item, doc.selection().count(item.id) > 0)) {
      doc.select(item.id, ImGui::GetIO().KeyShift);
      zoomTo(item.region);
    }
    if (ed.scrollListToSelection && doc.selection().count(item.id)) {
      ImGui::SetScrollHereY(0.5f);  // selected on the image (click, Tab): the list shows it
      ed.scrollListToSelection = false;
    }
    probe("editor.region." + std::to_string(row++));
  }
  (void)findings;
  ed.scrollListToSelection = false;
  ImGui::EndChild();
  probe("editor.region_list");
  const float listEnd = ImGui::GetCursorPosY();
  if (!image.metadataFindings.empty() && ImGui::TreeNode(tr("editor.metadata"))) {
    for (const auto& m : image.metadataFindings) ImGui::BulletText("%s", m.c_str());
    ImGui::TreePop();
  }
  drawSelected(doc);
  // Undo / redo with nothing to do say so: in their tooltip and, while the pointer is over them, on the line under.
  const char* hoveredWhy = "";
  const char* undoWhy = doc.canUndo() ? "" : "blocked.nothing_to_undo";
  ImGui::BeginDisabled(*undoWhy);
  const float width = halfWidth();
  if (ImGui::Button((std::string(icon::kUndo) + "  " + tr("editor.undo") + "##undo").c_str(), ImVec2(width, 0)))
    doc.undo();
  probe("editor.undo");
  if (!*undoWhy) shortcutTooltip(Action::Undo);
  whyDisabled(undoWhy);
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) hoveredWhy = undoWhy;
  ImGui::EndDisabled();
  ImGui::SameLine();
  const char* redoWhy = doc.canRedo() ? "" : "blocked.nothing_to_redo";
  ImGui::BeginDisabled(*redoWhy);
  if (ImGui::Button((std::string(icon::kRedo) + "  " + tr("editor.redo") + "##redo").c_str(), ImVec2(width, 0)))
    doc.redo();
  probe("editor.redo");
  if (!*redoWhy) shortcutTooltip(Action::Redo);
  whyDisabled(redoWhy);
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) hoveredWhy = redoWhy;
  ImGui::EndDisabled();
  disabledStatus(hoveredWhy);
  // The status line's room is kept while it is empty: the list does not move when the pointer reaches undo / redo.
  ed.belowRegionList = ImGui::GetCursorPosY() - listEnd + (*hoveredWhy ? 0 : ImGui::GetTextLineHeightWithSpacing());
}

}  // namespace medpics::desk
