// Regions panel beside the post image: tools, the findings / regions list with a colour legend, numeric geometry.
#include "desk.hpp"
#include "i18n.hpp"
#include "shortcuts.hpp"
#include "ui_probe.hpp"
#include "views/regions_panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

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

void drawTools(EditorState& ed) {
  const Tool tools[] = {Tool::Select, Tool::Rect, Tool::Ellipse, Tool::Polygon, Tool::Brush, Tool::Eraser};
  const Action actions[] = {Action::ToolSelect,  Action::ToolRect,  Action::ToolEllipse,
                            Action::ToolPolygon, Action::ToolBrush, Action::ToolEraser};
  for (int i = 0; i < 6; ++i) {
    if (i % 2) ImGui::SameLine(170);
    if (ImGui::RadioButton(withKey(tr(toolLabel(tools[i])), actions[i]).c_str(), ed.tool == tools[i])) ed.tool = tools[i];
    probe(std::string("editor.tool.") + keyLabel(actions[i]));
  }
  if (ed.tool == Tool::Brush || ed.tool == Tool::Eraser) ImGui::SliderInt(tr("editor.brush_radius"), &ed.brushRadius, 1, 200);
  ImGui::Checkbox(tr("editor.preview"), &ed.preview);
  ImGui::SameLine();
  ImGui::TextDisabled("(%s%s%s)", keyLabel(Action::ShowOriginal), colon(), tr("editor.space_original"));
}

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
      if (overlap.area() > 0) doc.find(id)->region.brush(overlap - doc.find(id)->region.box.tl()).copyTo(resized(overlap - r.box.tl()));
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
  if (r.style == mask::Style::Blur) ImGui::TextColored(ImVec4(1, 0.7f, 0.3f, 1), "%s", tr("editor.blur_weak"));
  const bool dismissed = r.state == mask::State::Dismissed;
  if (ImGui::Button((withKey(dismissed ? tr("editor.accept") : tr("editor.dismiss"), Action::ToggleFinding) + "##toggle").c_str()))
    doc.setStateSelected(dismissed ? mask::State::Accepted : mask::State::Dismissed);
  ImGui::SameLine();
  if (ImGui::Button(tr("editor.duplicate"))) doc.duplicateSelected();
  ImGui::SameLine();
  if (ImGui::Button(tr("editor.delete"))) doc.removeSelected();
}

}  // namespace

void drawRegionsPanel(OpenPost& post, LoadedImage& image, const std::function<void(const Region&)>& zoomTo) {
  drawTools(post.editor);
  ImGui::Separator();
  auto& doc = image.regions;
  int findings = 0, dismissed = 0;
  for (const auto& item : doc.items()) {
    findings += item.region.origin == mask::Origin::Auto;
    dismissed += item.region.state == mask::State::Dismissed;
  }
  ImGui::Text("%s%s%d  ·  %s%s%d", tr("editor.regions"), colon(), static_cast<int>(doc.items().size()), tr("editor.dismissed"), colon(),
              dismissed);
  const char* kinds[] = {"face", "text", "barcode", "tattoo", "manual"};
  for (int k = 0; k < 5; ++k) {
    const char* kind = kinds[k];
    if (k == 3) ImGui::NewLine();
    ImGui::ColorButton(kind, ImGui::ColorConvertU32ToFloat4(legendColour(kind)), ImGuiColorEditFlags_NoTooltip, ImVec2(10, 10));
    ImGui::SameLine();
    ImGui::TextDisabled("%s", tr(std::string("kind.") + kind));
    ImGui::SameLine();
  }
  ImGui::NewLine();
  // After the residual check objected, only its new findings are listed (each decided with D), unless all are asked.
  const bool objection = post.residualFindings > 0 && !image.newFindings.empty();
  if (objection) {
    ImGui::TextColored(ImVec4(1, 0.5f, 0.35f, 1), "%s (%d)", tr("residual.new_findings"),
                       static_cast<int>(image.newFindings.size()));
    ImGui::Checkbox(tr("editor.all_regions"), &post.editor.listAllRegions);
  }
  ImGui::BeginChild("##regions", ImVec2(0, -190), true);
  int row = 0;
  for (const int id : doc.readingOrder()) {  // the order of Tab
    if (objection && !post.editor.listAllRegions &&
        std::find(image.newFindings.begin(), image.newFindings.end(), id) == image.newFindings.end())
      continue;
    const review::Item& item = *doc.find(id);
    const Region& r = item.region;
    char label[256];
    const cv::Rect b = r.bounds();
    const std::string category = categoryName(r.kind, r.category);
    std::snprintf(label, sizeof label, "%s%s%s%s  %s  [%d,%d %d×%d]%s%s##%d",
                  r.state == mask::State::Dismissed ? "✗ " : "", tr(std::string("kind.") + (r.kind.empty() ? "manual" : r.kind)),
                  category.empty() ? "" : " ", category.c_str(), r.origin == mask::Origin::Auto ? (std::to_string(int(r.confidence * 100)) + "%").c_str() : "",
                  b.x, b.y, b.width, b.height, r.text.empty() ? "" : "\n  « ", r.text.empty() ? "" : (r.text.substr(0, 40) + " »").c_str(),
                  item.id);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(r.state == mask::State::Dismissed
                                                                           ? IM_COL32(150, 150, 150, 255)
                                                                           : legendColour(r.origin == mask::Origin::Manual ? "manual" : r.kind)));
    if (ImGui::Selectable(label, doc.selection().count(item.id) > 0)) {
      doc.select(item.id, ImGui::GetIO().KeyShift);
      zoomTo(r);
    }
    ImGui::PopStyleColor();
    if (post.editor.scrollListToSelection && doc.selection().count(item.id)) {
      ImGui::SetScrollHereY(0.5f);  // selected on the image (click, Tab): the list shows it
      post.editor.scrollListToSelection = false;
    }
    probe("editor.region." + std::to_string(row++));
  }
  (void)findings;
  post.editor.scrollListToSelection = false;
  ImGui::EndChild();
  probe("editor.region_list");
  if (!image.metadataFindings.empty() && ImGui::TreeNode(tr("editor.metadata"))) {
    for (const auto& m : image.metadataFindings) ImGui::BulletText("%s", m.c_str());
    ImGui::TreePop();
  }
  drawSelected(doc);
  ImGui::BeginDisabled(!doc.canUndo());
  if (ImGui::Button((withKey(tr("editor.undo"), Action::Undo) + "##undo").c_str())) doc.undo();
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::BeginDisabled(!doc.canRedo());
  if (ImGui::Button((withKey(tr("editor.redo"), Action::Redo) + "##redo").c_str())) doc.redo();
  ImGui::EndDisabled();
}

ImU32 legendColour(const std::string& kind) {
  if (kind == "manual") return IM_COL32(80, 220, 120, 255);
  if (kind == "face") return IM_COL32(255, 80, 200, 255);
  if (kind == "barcode") return IM_COL32(80, 210, 255, 255);
  if (kind == "tattoo") return IM_COL32(255, 230, 60, 255);
  return IM_COL32(255, 150, 40, 255);
}

}  // namespace medpics::desk
