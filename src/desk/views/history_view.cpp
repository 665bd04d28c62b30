// History window: today's decisions (own; an admin may show everyone's), thumbnails of the PUBLISHED variant only,
// and a decision reopened with its evidence (regions, residual check, caption, checklist).
#include "desk.hpp"
#include "fact_text.hpp"
#include "format.hpp"
#include "i18n.hpp"
#include "style.hpp"
#include "ui_probe.hpp"
#include "views/desk_view.hpp"
#include "views/views.hpp"

#include <imgui.h>

#include <string>

namespace medpics::desk {
namespace {

ImTextureID textureId(const gl::Texture& t) { return reinterpret_cast<ImTextureID>(static_cast<intptr_t>(t.id())); }

std::string reasonText(const api::Decision& d) {
  if (d.reasonCode.empty()) return {};
  const char* prefix = d.subjectType == "post" ? "reason." : d.action == "request_info" ? "inforeason." : "regreason.";
  return tr(prefix + d.reasonCode);
}

// What a history row says about its subject (the platform's subject_summary): a post's kind and author, and its
// published caption once approved; a registration's applicant. The id when the summary is missing.
struct Subject {
  std::string title, detail;
};
Subject subjectOf(const api::Decision& d) {
  const auto summary = d.raw.find("subject_summary");  // read in place: rows are drawn every frame
  auto text = [&](const char* key) {
    if (summary == d.raw.end() || !summary->is_object()) return std::string();
    const auto it = summary->find(key);
    return it != summary->end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  const bool post = d.subjectType == "post";
  Subject s;
  s.title = std::string(tr(post ? "history.post" : "history.registration")) + " " + d.subjectId;
  if (post && !text("author").empty()) {
    s.title = postKindName(text("kind")) + " · " + text("author");
    s.detail = text("published_caption");
  } else if (!post && !text("applicant").empty()) {
    s.title += " · " + text("applicant");
  }
  return s;
}

void drawEvidence(Desk& desk) {
  HistoryState& h = desk.history;
  if (h.selected < 0 || h.selected >= static_cast<int>(h.entries.size())) {
    ImGui::TextDisabled("%s", tr("history.select"));
    return;
  }
  const api::Decision& d = h.entries[static_cast<size_t>(h.selected)].decision;
  ImGui::Text("%s %s · %s · %s", tr(d.subjectType == "post" ? "history.post" : "history.registration"),
              d.subjectId.c_str(), tr("action." + d.action), formatDateTime(d.decidedAt, language()).c_str());
  ImGui::Text("%s%s%s", tr("history.decided_by"), colon(), d.decidedBy.c_str());
  // A request for more information has its own label; a registration's message goes to the applicant.
  const bool post = d.subjectType == "post";
  if (!d.reasonCode.empty())
    ImGui::TextWrapped("%s%s%s", tr(d.action == "request_info" ? "reg.request_title" : "post.reason"), colon(),
                       reasonText(d).c_str());
  if (!d.message.empty())
    ImGui::TextWrapped("%s%s%s", tr(post ? "post.message" : "reg.message"), colon(), d.message.c_str());
  if (const gl::Texture* published = textureOf(h.published)) {
    const float w = std::min(ImGui::GetContentRegionAvail().x, static_cast<float>(published->width()));
    ImGui::Image(textureId(*published), ImVec2(w, w * published->height() / published->width()));
    ImGui::TextDisabled("%s", tr("history.published_only"));
  }
  if (h.evidenceLoading) {
    busyBar(tr("history.loading"));
    return;
  }
  if (!h.evidence) return;
  const nlohmann::json& e = *h.evidence;
  if (const auto regions = e.find("regions"); regions != e.end() && regions->is_array()) {
    ImGui::Separator();
    ImGui::Text("%s%s%d", tr("editor.regions"), colon(), static_cast<int>(regions->size()));
    for (const auto& r : *regions) {
      const bool manual = r.value("origin", "") == "manual";
      const std::string kind = manual ? "manual" : r.value("kind", "manual");
      const bool dismissed = r.value("state", "") == "dismissed";
      const std::string category = categoryName(kind, r.value("category", ""));
      ImGui::BulletText("%s%s%s%s · %s", dismissed ? "✗ " : "", tr("kind." + kind), category.empty() ? "" : " ",
                        category.c_str(), tr("editor.style." + r.value("style", "solid")));
    }
  }
  if (const auto residual = e.find("residual_check"); residual != e.end() && residual->is_object()) {
    ImGui::Separator();
    ImGui::Text("%s%s%d", tr("history.residual"), colon(), residual->value("phi_findings_outside", 0));
    if (residual->contains("override_reason") && (*residual)["override_reason"].is_string())
      ImGui::TextWrapped("%s%s%s", tr("residual.override"), colon(),
                         (*residual)["override_reason"].get<std::string>().c_str());
  }
  if (e.contains("caption") && e["caption"].is_string())
    ImGui::TextWrapped("%s%s%s", tr("post.caption"), colon(), e["caption"].get<std::string>().c_str());
  if (const auto checklist = e.find("checklist"); checklist != e.end() && checklist->is_array()) {
    ImGui::Separator();
    ImGui::TextUnformatted(tr("check.title"));
    for (const auto& c : *checklist) {  // wrapped: nothing cut off
      ImGui::Bullet();
      ImGui::TextWrapped("%s%s%s — %s", tr("check." + c.value("check", "")), colon(),
                         tr("checkstatus." + c.value("status", "unknown")),
                         factsText(c.value("facts", nlohmann::json::array())).c_str());
    }
  }
  if (e.contains("note") && e["note"].is_string())
    ImGui::TextWrapped("%s%s%s", tr("reg.override_note"), colon(), e["note"].get<std::string>().c_str());
}

}  // namespace

void drawHistory(Desk& desk) {
  if (!deskView().panels.history || !desk.session) return;
  HistoryState& h = desk.history;
  placeWindow(style::kHistoryWindow.w, style::kHistoryWindow.h, ImGuiCond_FirstUseEver);
  if (!ImGui::Begin(tr("history.title"), &deskView().panels.history)) return ImGui::End();
  probe("history.window");
  if (ImGui::Button(tr("queue.refresh"))) loadHistory(desk);
  probe("history.refresh");
  if (desk.session->user.hasRole("admin")) {
    ImGui::SameLine();
    if (ImGui::Checkbox(tr("history.all_users"), &h.allUsers)) loadHistory(desk);
    probe("history.all_users");
  }
  ImGui::SameLine();
  ImGui::Text("%s%s%d", tr("history.count"), colon(), static_cast<int>(h.entries.size()));
  if (h.loading) busyBar(tr("history.loading"));
  ImGui::BeginChild("##history-list", ImVec2(style::px(style::kHistoryList), 0), true);
  if (!h.loading && h.entries.empty()) ImGui::TextDisabled("%s", tr("history.empty"));
  for (int i = 0; i < static_cast<int>(h.entries.size()); ++i) {
    HistoryEntry& entry = h.entries[static_cast<size_t>(i)];
    const api::Decision& d = entry.decision;
    ImGui::PushID(i);
    const ImVec2 rowStart = ImGui::GetCursorPos();
    const float thumb = style::px(style::kHistoryThumb);
    if (ImGui::Selectable("##row", h.selected == i, 0, ImVec2(0, thumb + style::px(style::kSpaceS))))
      openEvidence(desk, i);
    probe("history.row." + std::to_string(i));
    if (ImGui::IsItemVisible()) requestThumbnail(desk, i);
    ImGui::SetCursorPos(rowStart);
    if (const gl::Texture* thumbnail = textureOf(entry.thumbnail)) {
      const float s = thumb / std::max(thumbnail->width(), thumbnail->height());
      ImGui::Image(textureId(*thumbnail), ImVec2(thumbnail->width() * s, thumbnail->height() * s));
    } else {
      ImGui::Dummy(ImVec2(thumb, thumb));
    }
    ImGui::SameLine(thumb + style::px(style::kSpaceL + style::kSpaceXl));
    ImGui::BeginGroup();
    const Subject subject = subjectOf(d);
    fittedText(ImGui::GetStyleColorVec4(ImGuiCol_Text),
               formatDateTime(d.decidedAt, language()) + "  ·  " + tr("action." + d.action) + "  ·  " + subject.title);
    const std::string reason = reasonText(d);
    std::string detail = subject.detail.empty() ? reason : subject.detail;
    if (h.allUsers) detail = d.decidedBy + (detail.empty() ? "" : " · " + detail);
    fittedText(ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled), detail);
    ImGui::EndGroup();
    ImGui::SetCursorPos(ImVec2(rowStart.x, rowStart.y + thumb + style::px(style::kSpaceL)));
    ImGui::PopID();
  }
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("##history-evidence", ImVec2(0, 0), true);
  drawEvidence(desk);
  ImGui::EndChild();
  ImGui::End();
}

}  // namespace medpics::desk
