// Post view: author and caption, the region editor with its panel, approve (A) / reject (R) then the next post.
#include "desk.hpp"
#include "i18n.hpp"
#include "ui_probe.hpp"
#include "views/keys.hpp"
#include "views/region_editor.hpp"
#include "views/regions_panel.hpp"
#include "views/reject_form.hpp"
#include "views/views.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

namespace medpics::desk {

void drawPost(Desk& desk) {
  if (!desk.post) {
    ImGui::TextDisabled("%s", desk.loadingQueue ? tr("queue.loading") : tr("post.none"));
    return;
  }
  OpenPost& post = *desk.post;
  const auto& d = post.detail;
  ImGui::Text("%s : %s   ·   %s : %s   ·   %s", tr("post.author"), d.author.displayName.c_str(), tr("post.kind"),
              d.kind.c_str(), d.createdAt.c_str());
  ImGui::TextWrapped("%s : %s", tr("post.caption"), d.caption.c_str());
  // PHI found in the caption: each span is masked ("[…]") on publication unless the moderator unticks it.
  for (std::size_t i = 0; i < post.captionSpans.size(); ++i) {
    const auto& span = post.captionSpans[i];
    const std::string label = "« " + d.caption.substr(span.begin, span.end - span.begin) + " »  (" +
                              tr("category." + span.category) + ")##span" + std::to_string(i);
    bool masked = post.captionSpanMasked[i] != 0;
    if (i) ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, masked ? ImVec4(1, 0.6f, 0.25f, 1) : ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    if (ImGui::Checkbox(label.c_str(), &masked)) post.captionSpanMasked[i] = masked;
    ImGui::PopStyleColor();
    probe("caption.span." + std::to_string(i));
  }
  if (!desk.shaderError.empty()) ImGui::TextColored(ImVec4(1, 0.6f, 0.3f, 1), "%s : %s", tr("editor.shader_error"), desk.shaderError.c_str());
  if (post.leaseLost) ImGui::TextColored(ImVec4(1, 0.45f, 0.35f, 1), "%s", tr("post.lease_lost"));
  if (post.claiming) ImGui::TextDisabled("%s", tr("post.claiming"));

  if (post.images.size() > 1) {
    for (int i = 0; i < static_cast<int>(post.images.size()); ++i) {
      if (i) ImGui::SameLine();
      const std::string label = "Image " + std::to_string(i + 1);
      if (ImGui::RadioButton(label.c_str(), post.currentImage == i)) post.currentImage = i;
    }
  }
  const float actionsHeight = desk.reject.open ? 230.0f : 50.0f;
  const float bodyHeight = ImGui::GetContentRegionAvail().y - actionsHeight;
  LoadedImage& image = post.images.at(static_cast<size_t>(post.currentImage));
  post.editor.showOriginal = !ImGui::GetIO().WantTextInput && ImGui::IsKeyDown(GLFW_KEY_SPACE);

  ImGui::BeginChild("##canvas-panel", ImVec2(ImGui::GetContentRegionAvail().x - 360, bodyHeight), false,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  gl::MaskPreview* preview = desk.maskPreview;
  const bool previewOn = preview && (post.editor.preview || post.editor.finalReview) && preview->available(image);
  if (previewOn) preview->prepare(image);
  // What the preview shows besides the draw commands: the indexed regions, the original (Space), the noise seed.
  const std::uint64_t previewStamp =
      previewOn && image.preview ? (std::uint64_t(std::uint32_t(image.preview->revision)) << 33 |
                                    std::uint64_t(post.editor.showOriginal) << 32 | image.maskSeed)
                                 : 0;
  drawRegionEditor(
      post, image, bodyHeight, !desk.reject.open,
      [&](ImDrawList* draw) {
        if (previewOn) preview->begin(draw, image, post.editor.showOriginal);
      },
      [&](ImDrawList* draw) {
        if (previewOn) gl::MaskPreview::end(draw);
      },
      previewStamp);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("##regions-panel", ImVec2(0, bodyHeight), true);
  if (image.status == LoadedImage::Status::Ready)
    drawRegionsPanel(post, image, [&image](const mask::Region& r) { centreOnRegion(image, r); });
  ImGui::EndChild();

  bool allReady = true;
  for (const auto& img : post.images)
    allReady = allReady && img.status == LoadedImage::Status::Ready && img.analysis != LoadedImage::Analysis::Pending;
  bool allLoaded = true;  // a rejection publishes nothing: it only needs the images shown (or failed)
  for (const auto& img : post.images) allLoaded = allLoaded && img.status != LoadedImage::Status::Loading;
  const bool canDecide = allReady && !post.sending && !post.leaseLost && !post.claiming;
  const bool canReject = allLoaded && !post.sending && !post.leaseLost && !post.claiming;
  ImGui::BeginDisabled(!canDecide);
  // Approval takes two steps (A, then A again): first the final review of the exact pixels to be published.
  const bool finalReview = post.editor.finalReview;
  if (ImGui::Button(tr(finalReview ? "post.publish" : "post.approve"), ImVec2(240, 36)) ||
      (canDecide && !desk.reject.open && shortcut(GLFW_KEY_A))) {
    if (finalReview) {
      desk.approvePost();
    } else {
      post.editor.finalReview = true;
      showFinalReview(image);
    }
  }
  probe("post.approve");
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("A");
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::BeginDisabled(!canReject);
  if (ImGui::Button(tr("post.reject"), ImVec2(160, 36)) || (canReject && !desk.reject.open && shortcut(GLFW_KEY_R))) {
    desk.reject.open = true;
    desk.reject.reason = 0;
    desk.reject.message = Desk::defaultRejectMessage(Desk::postReasonCodes()[0]);
  }
  probe("post.reject");
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("R");
  ImGui::EndDisabled();
  if (finalReview && shortcut(GLFW_KEY_ESCAPE)) post.editor.finalReview = false;
  if (post.residualFindings > 0) {
    // The residual check found PHI left unmasked: it is now outlined and masked; to publish it anyway the
    // moderator dismisses it and writes why (recorded in the decision).
    ImGui::SameLine();
    ImGui::TextColored(ImVec4(1, 0.5f, 0.35f, 1), "%s (%d)", tr("residual.blocked"), post.residualFindings);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(320);
    ImGui::InputTextWithHint("##override", tr("residual.override"), &post.overrideReason);
    probe("residual.override");
  }
  if (finalReview) {
    ImGui::SameLine();
    ImGui::TextColored(ImVec4(0.5f, 0.85f, 1, 1), "%s", tr("post.final_review"));
  }
  if (post.sending) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", tr("post.sending"));
  } else if (image.status == LoadedImage::Status::Ready && image.analysis == LoadedImage::Analysis::Pending) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", tr("editor.analysing"));
  }
  drawRejectForm(desk.reject, Desk::postReasonCodes(), "reason.",
                 [&desk](const std::string& code, const std::string& message) { desk.rejectPost(code, message); });
}

}  // namespace medpics::desk
