// Post view: author and caption, the region editor with its panel, approve (A) / reject (R) then the next post.
#include "desk.hpp"
#include "format.hpp"
#include "i18n.hpp"
#include "icons.hpp"
#include "ui_probe.hpp"
#include "shortcuts.hpp"
#include "style.hpp"
#include "views/desk_view.hpp"
#include "views/final_review.hpp"
#include "views/region_editor.hpp"
#include "views/regions_panel.hpp"
#include "views/reject_form.hpp"
#include "views/views.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

namespace medpics::desk {

namespace {
// Opening a post: every image downloaded then analysed (counted steps); sending: publish, residual check, upload.
// False when there is nothing in progress (nothing drawn).
bool drawPostProgress(const OpenPost& post) {
  const float kWidth = style::px(style::kProgressWidth);
  if (post.state.sending()) return busyBar(tr("post.sending"), kWidth), true;
  int done = 0;
  const int total = 2 * static_cast<int>(post.images.size());
  for (const auto& img : post.images)
    done += (img.status != LoadedImage::Status::Loading) + (img.analysis != LoadedImage::Analysis::Pending);
  if (done == total) return false;
  bool downloading = false;
  for (const auto& img : post.images) downloading = downloading || img.status == LoadedImage::Status::Loading;
  progressBar(static_cast<float>(done) / static_cast<float>(total),
              tr(downloading ? "post.downloading" : "editor.analysing"), kWidth);
  return true;
}
// Why A or R does nothing now, as a catalogue key ("" when they act): shown as the disabled buttons' tooltip and on
// the status line, so that a key press is never silently ignored.
const char* blockedReason(const Desk& desk, bool forApproval) {
  return desk.blockedReason(forApproval ? DecisionKind::Publish : DecisionKind::Other);
}
}  // namespace

void drawPost(Desk& desk) {
  if (!desk.post) {
    ImGui::TextDisabled("%s", desk.loadingQueue ? tr("queue.loading") : tr("post.none"));
    return;
  }
  OpenPost& post = *desk.post;
  const auto& d = post.detail;
  ImGui::Text("%s%s%s   ·   %s%s%s   ·   %s", tr("post.author"), colon(), d.author.displayName.c_str(), tr("post.kind"),
              colon(), postKindName(d.kind).c_str(), formatDateTime(d.createdAt, language()).c_str());
  EditorState& ed = editorOf(desk);  // the view's editor state for this opening of the post
  RejectForm& form = rejectFormOf(desk);
  const bool finalReview = ed.finalReview;
  if (finalReview) {  // the caption as it will be published, as the image is
    ImGui::TextWrapped("%s%s%s", tr("final.caption"), colon(), publishedCaption(post).c_str());
    probe("final.caption");
  } else {
    ImGui::TextWrapped("%s%s%s", tr("post.caption"), colon(), d.caption.c_str());
  }
  // PHI found in the caption: each span is masked ("[…]") on publication unless the moderator unticks it.
  for (std::size_t i = 0; i < post.captionSpans.size() && !finalReview; ++i) {
    const auto& span = post.captionSpans[i];
    const std::string label = "« " + d.caption.substr(span.begin, span.end - span.begin) + " »  (" +
                              tr("category." + span.category) + ")##span" + std::to_string(i);
    bool masked = post.captionSpanMasked[i] != 0;
    if (i) ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, masked ? style::colour::vec(style::colour::kText)
                                                : ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    if (ImGui::Checkbox(label.c_str(), &masked)) post.captionSpanMasked[i] = masked;
    ImGui::PopStyleColor();
    probe("caption.span." + std::to_string(i));
  }
  if (!deskView().shaderError.empty())
    ImGui::TextColored(style::colour::kWarning, "%s%s%s", tr("editor.shader_error"), colon(),
                       deskView().shaderError.c_str());
  if (post.state.phase() == ItemPhase::LeaseLost)
    ImGui::TextColored(style::colour::kError, "%s", tr("post.lease_lost"));
  if (!post.state.leaseHeld()) ImGui::TextDisabled("%s", tr(desk.offline ? "post.offline_decide" : "post.claiming"));

  if (post.images.size() > 1) {
    const int count = static_cast<int>(post.images.size());
    if (pressed(Action::NextImage)) post.currentImage = (post.currentImage + 1) % count;
    if (pressed(Action::PreviousImage)) post.currentImage = (post.currentImage + count - 1) % count;
    for (int i = 0; i < count; ++i) {
      if (i) ImGui::SameLine();
      const std::string label = std::string(tr("post.image")) + " " + std::to_string(i + 1);
      if (ImGui::RadioButton(label.c_str(), post.currentImage == i)) post.currentImage = i;
      shortcutTooltip(i > post.currentImage ? Action::NextImage : Action::PreviousImage);
    }
  }
  // The decision row, plus one line under it: the residual check's state, or the override reason when it objects.
  const float overrideHeight = ImGui::GetFrameHeightWithSpacing();  // always reserved: nothing moves when it appears
  const float actionsHeight = style::px(form.open ? style::kDecisionForm : style::kDecisionRow) + overrideHeight;
  const float bodyHeight = ImGui::GetContentRegionAvail().y - actionsHeight;
  if (finalReview && !form.open) finalReviewKeys(post, ed);
  LoadedImage& image = post.images.at(static_cast<size_t>(post.currentImage));
  ed.showOriginal = held(Action::ShowOriginal);
  // The final review shows the post's images in a filmstrip under the canvas.
  const float filmstripHeight = finalReview ? style::px(style::kFilmstripHeight) : 0.0f;

  // The regions panel on the right: resizable, foldable (layout.cpp computed its width for this window).
  const SideLayout& sides = deskView().panels.sides;
  ImGui::BeginChild("##canvas-panel",
                    ImVec2(ImGui::GetContentRegionAvail().x - sides.side - style::px(style::kSpaceM), bodyHeight),
                    false, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  gl::MaskPreview* preview = deskView().maskPreview;
  const bool previewOn = preview && (ed.preview || ed.finalReview) && preview->available(image);
  if (previewOn) preview->prepare(image);
  // What the preview shows besides the draw commands: the indexed regions, the original (Space), the noise seed.
  const std::uint64_t previewStamp = previewOn && gpu(image).preview
                                         ? (std::uint64_t(std::uint32_t(gpu(image).preview->revision)) << 33 |
                                            std::uint64_t(ed.showOriginal) << 32 | image.maskSeed)
                                         : 0;
  const CanvasFrame frame = drawRegionEditor(
      post, ed, image, bodyHeight - filmstripHeight, !form.open,
      [&](ImDrawList* draw) {
        if (previewOn) preview->begin(draw, image, ed.showOriginal);
      },
      [&](ImDrawList* draw) {
        if (previewOn) gl::MaskPreview::end(draw);
      },
      previewStamp);
  if (finalReview) {
    if (frame.ready && ed.finalReviewFitted != post.currentImage) {  // another image: fitted too
      viewOf(image).transform.fit();
      ed.finalReviewFitted = post.currentImage;
    }
    drawLoupe(ed, image, frame, preview, previewOn);
    drawFilmstrip(post, ed, preview, filmstripHeight);
  }
  ImGui::EndChild();
  ImGui::SameLine(0, 0);
  if (sides.sideCollapsed) {
    foldedPanel(desk, false, "##regions-folded", icon::kFoldLeft, bodyHeight);
  } else {
    panelBar(desk, false, bodyHeight, false);
    ImGui::SameLine(0, 0);
    ImGui::BeginChild("##regions-panel", ImVec2(0, bodyHeight), true);
    if (image.status == LoadedImage::Status::Ready)
      drawRegionsPanel(post, ed, image, [&image](const mask::Region& r) { centreOnRegion(image, r); });
    ImGui::EndChild();
  }

  // With the setting on, every mask must have been seen in the loupe before publishing.
  const MaskVisits visits = maskVisits(post);
  const bool visitsMissing = finalReview && desk.settings.requireMasksVisited && !visits.complete();
  const char* approveBlocked = visitsMissing ? "final.visit_all" : blockedReason(desk, true);
  const char* rejectBlocked = blockedReason(desk, false);
  const bool canDecide = !*approveBlocked;
  const bool canReject = !*rejectBlocked;
  ImGui::BeginDisabled(!canDecide);
  // Approval takes two steps (A, then A again): first the final review of the exact pixels to be published.
  if (ImGui::Button((std::string(finalReview ? icon::kApprove : icon::kLoupe) + "  " +
                     withKey(tr(finalReview ? "post.publish" : "post.approve"), Action::Approve) + "##approve")
                        .c_str(),
                    style::px(style::kDecisionButtonWide, style::kDecisionButtonHeight)) ||
      (canDecide && !visitsMissing && !form.open && pressed(Action::Approve))) {
    if (finalReview) {
      desk.approvePost();
    } else {
      ed.finalReview = true;
      ed.finalReviewFitted = -1;  // fitted again once the canvas has made room for the filmstrip
      showFinalReview(ed, image);
    }
  }
  probe("post.approve");
  if (canDecide) shortcutTooltip(Action::Approve);
  whyDisabled(approveBlocked);
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::BeginDisabled(!canReject);
  if (ImGui::Button(
          (std::string(icon::kReject) + "  " + withKey(tr("post.reject"), Action::Reject) + "##reject").c_str(),
          style::px(style::kDecisionButtonNarrow, style::kDecisionButtonHeight)) ||
      (canReject && !form.open && pressed(Action::Reject))) {
    form.open = true;
    form.reason = 0;
    form.message = Desk::defaultRejectMessage(Desk::postReasonCodes()[0]);
  }
  probe("post.reject");
  if (canReject) shortcutTooltip(Action::Reject);
  whyDisabled(rejectBlocked);
  ImGui::EndDisabled();
  if (finalReview && pressed(Action::Cancel)) {
    ed.finalReview = false;
    ed.finalReviewFitted = -1;
    ed.loupeAnchor.reset();
  }
  if (post.residualFindings > 0) {
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    fittedText(style::colour::kError,
               std::string(tr("residual.blocked_short")) + colon() + std::to_string(post.residualFindings));
  }
  // Row 2, always reserved (nothing moves when it fills), on the whole width: the override reason while the
  // residual check objects, else progress, the final review's keys and the background check's state.
  if (post.residualFindings > 0) {
    // To publish what cannot be masked, the moderator writes why (recorded in the decision). O puts the keyboard
    // in it (Enter leaves it).
    ImGui::SetNextItemWidth(std::min(style::px(style::kOverrideFieldWidth), ImGui::GetContentRegionAvail().x * 0.45f));
    if (pressed(Action::OverrideReason)) ImGui::SetKeyboardFocusHere();
    ImGui::PushAllowKeyboardFocus(false);  // Tab reviews the regions; it must not jump into this field
    ImGui::InputTextWithHint("##override", tr("residual.override"), &post.overrideReason);
    ImGui::PopAllowKeyboardFocus();
    probe("residual.override");
    ImGui::SameLine();
    fittedText(ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled),
               std::string(keyLabel(Action::NextFinding)) + colon() + tr("residual.keys") + " · " +
                   keyLabel(Action::ToggleFinding) + colon() + tr("residual.decide") + " · " +
                   keyLabel(Action::OverrideReason) + colon() + tr("residual.reason"));
  } else {
    if (drawPostProgress(post)) ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    // Why the decision keys wait (the progress bar above says what is being done about it).
    if (!canDecide && !post.state.sending()) {
      fittedText(style::colour::kWarning, tr(approveBlocked));
      if (!finalReview) ImGui::SameLine();
    }
    // In the final review: the check's state first (short), then the final review's keys in the room left.
    const bool clear = finalReview && post.check.runningKey.empty() && !post.check.readyKey.empty() &&
                       post.check.readyKey == post.check.key && post.check.residual.ran &&
                       post.check.residual.outside.empty();
    const bool running = finalReview && !post.check.runningKey.empty();
    if (running)
      fittedText(ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled), tr("residual.checking"));
    else if (clear)
      fittedText(style::colour::kSuccess, tr("residual.clear"));
    if (finalReview) {
      if (running || clear) ImGui::SameLine();
      // N/N zones vérifiées: masks the loupe has shown (Tab walks them); required before publishing if set.
      const std::string visited = std::to_string(visits.visited) + "/" + std::to_string(visits.total) + " " +
                                  tr("final.visited") +
                                  (visitsMissing ? std::string(" — ") + tr("final.visit_all") : "");
      fittedText(visits.complete() ? style::colour::kSuccess : style::colour::kWarning, visited);
      probe("final.visited");
      ImGui::SameLine();
      fittedText(style::colour::kAccent, std::string(tr("post.final_review")) + "  " + keyLabel(Action::Approve) +
                                             colon() + tr("post.publish") + " · " + keyLabel(Action::Cancel) + colon() +
                                             tr("post.cancel"));
    } else {
      ImGui::NewLine();
    }
  }
  drawRejectForm(form, postFormSpec(),
                 [&desk](const std::string& code, const std::string& message) { desk.rejectPost(code, message); });
}

}  // namespace medpics::desk
