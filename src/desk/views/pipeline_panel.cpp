// Bottom of the queue panel: the prefetch of the next posts (progress, memory) and the decision outbox states.
#include "desk.hpp"
#include "format.hpp"
#include "i18n.hpp"
#include "style.hpp"
#include "ui_probe.hpp"
#include "views/views.hpp"

#include <imgui.h>

#include <string>

namespace medpics::desk {
namespace {

// Outbox states: waiting, sent, failed.
const ImVec4 kPending = style::colour::kWarning, kSent = style::colour::kSuccess, kFailed = style::colour::kError;

const char* stageLabel(work::PrefetchStage stage) {
  switch (stage) {
    case work::PrefetchStage::Downloading: return tr("prefetch.downloading");
    case work::PrefetchStage::Analysing: return tr("prefetch.analysing");
    case work::PrefetchStage::Ready: return tr("prefetch.ready");
    case work::PrefetchStage::Failed: return tr("prefetch.failed");
    default: return tr("prefetch.queued");
  }
}

void drawPrefetch(const Desk& desk) {
  ImGui::TextUnformatted(tr("prefetch.title"));
  ImGui::SameLine();
  const Language lang = language();
  const std::string memory = "(" + formatNumber(desk.prefetchMemory / 1048576.0, 0, lang) + "/" +
                             formatNumber(desk.settings.prefetchMemoryMiB, 0, lang) + " " + tr("unit.mebibytes") + ")";
  fittedText(ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled), memory);  // "…" in a narrow queue
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s\n%s", memory.c_str(), tr("prefetch.memory"));
  if (desk.settings.prefetchDepth <= 0) return (void)ImGui::TextDisabled("%s", tr("prefetch.off"));
  for (const auto& p : desk.prefetchProgress) {
    float fraction = 0;
    if (p.stage == work::PrefetchStage::Ready)
      fraction = 1;
    else if (p.stage == work::PrefetchStage::Analysing)
      fraction = 0.5f + 0.5f * (p.imageCount ? float(p.imagesAnalysed) / float(p.imageCount) : 0.f);
    else if (p.bytesTotal > 0)
      fraction = 0.5f * float(p.bytesDone) / float(p.bytesTotal);
    const std::string label = p.id + " · " + stageLabel(p.stage);
    if (p.stage == work::PrefetchStage::Failed) ImGui::PushStyleColor(ImGuiCol_PlotHistogram, kFailed);
    ImGui::ProgressBar(fraction, ImVec2(-1, 0), label.c_str());
    if (p.stage == work::PrefetchStage::Failed) ImGui::PopStyleColor();
  }
}

void drawOutbox(const Desk& desk) {
  const auto& c = desk.outboxCounts;
  ImGui::TextUnformatted(tr("outbox.title"));
  ImGui::SameLine();
  ImGui::TextColored(kPending, "%d", c.pending);
  ImGui::SameLine();
  ImGui::TextColored(kSent, "%d", c.sent);
  ImGui::SameLine();
  ImGui::TextColored(kFailed, "%d", c.failed);
  probe("outbox.counts");
  if (desk.outboxEntries.empty())
    return fittedText(ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled), tr("outbox.empty"));
  int row = 0;
  for (const auto& e : desk.outboxEntries) {
    const bool sent = e.state == work::OutboxState::Sent, failed = e.state == work::OutboxState::Failed;
    const ImVec4 colour = sent ? kSent : failed ? kFailed : kPending;
    const char* state = sent ? tr("outbox.sent") : failed ? tr("outbox.state_failed") : tr("outbox.pending");
    ImGui::TextColored(colour, "%s", state);
    probe("outbox.row." + std::to_string(row++));
    ImGui::SameLine(style::px(style::kOutboxState));
    ImGui::Text("%s · %s", e.subjectId.c_str(), tr("action." + e.action));
    if (e.attempts > 1 || !e.lastError.empty()) {
      ImGui::SameLine();
      ImGui::TextDisabled("(%d %s)", e.attempts, tr("outbox.attempts"));
    }
    if (!e.lastError.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", e.lastError.c_str());
  }
}

}  // namespace

float pipelinePanelHeight() { return style::px(style::kPipelinePanel); }

void drawPipelinePanel(Desk& desk) {
  ImGui::Separator();
  ImGui::BeginChild("##pipeline", ImVec2(0, 0), false);
  if (desk.tab == Tab::Posts) {
    drawPrefetch(desk);
    ImGui::Separator();
  }
  drawOutbox(desk);
  ImGui::EndChild();
}

}  // namespace medpics::desk
