// Registration view: the applicant's claims beside the proof document (zoom, rotate); approve / reject / ask for more.
#include "desk.hpp"
#include "fact_text.hpp"
#include "i18n.hpp"
#include "ui_probe.hpp"
#include "shortcuts.hpp"
#include "icons.hpp"
#include "style.hpp"
#include "views/canvas.hpp"
#include "views/region_editor.hpp"
#include "views/reject_form.hpp"
#include "views/views.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

namespace medpics::desk {
namespace {

void claimRow(const char* labelKey, const std::string& value) {
  if (value.empty()) return;
  ImGui::TableNextRow();
  ImGui::TableSetColumnIndex(0);
  ImGui::TextDisabled("%s", tr(labelKey));
  ImGui::TableSetColumnIndex(1);
  ImGui::TextWrapped("%s", value.c_str());
}

void drawClaims(const api::Applicant& a) {
  ImGui::TextUnformatted(tr("reg.claims"));
  if (!ImGui::BeginTable("##claims", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) return;
  ImGui::TableSetupColumn("k", ImGuiTableColumnFlags_WidthFixed, style::px(style::kClaimColumn));
  ImGui::TableSetupColumn("v", ImGuiTableColumnFlags_WidthStretch);
  claimRow("reg.name", a.firstName + " " + a.lastName);
  claimRow("reg.birth_name", a.birthName);
  claimRow("reg.email", a.email);
  claimRow("reg.profession", a.profession + (a.professionCode.empty() ? "" : " (" + a.professionCode + ")"));
  claimRow("reg.category", tr(a.category == "student" ? "reg.student" : "reg.professional"));
  claimRow("reg.rpps", a.rpps);
  claimRow("reg.adeli", a.adeli);
  claimRow("reg.ordre", a.ordreNumber);
  claimRow("reg.ine", a.ine);
  claimRow("reg.university", a.university);
  claimRow("reg.academic_year", a.academicYear);
  ImGui::EndTable();
}

// Opens the decision form of `kind` with the reason matching `code` preselected ("other" when none matches).
void openForm(Desk& desk, RejectForm::Kind kind, const std::string& code) {
  const FormSpec spec = registrationFormSpec(kind);
  RejectForm& form = rejectFormOf(desk);
  form = {};
  form.open = true;
  form.kind = kind;
  form.focusText = kind == RejectForm::Kind::ApproveOverride;
  if (!spec.codes) return;
  const auto& codes = *spec.codes;
  int index = static_cast<int>(codes.size()) - 1;  // "other"
  for (int i = 0; i < static_cast<int>(codes.size()); ++i)
    if (codes[i] == code) index = i;
  form.reason = index;
  form.message = spec.messageFor(codes[static_cast<size_t>(index)]);
}

// The suggestion of the checks, when they ran.
const creds::Suggestion* suggestion(const OpenRegistration& reg) {
  return reg.checks ? &reg.checks->checklist.suggestion : nullptr;
}

// The reason the suggestion gives for `action` ("" when it suggests something else).
std::string suggestedReason(const OpenRegistration& reg, creds::SuggestedAction action) {
  const creds::Suggestion* s = suggestion(reg);
  return s && s->action == action ? s->reasonCode : "";
}

// Approve (A): at once when the checks suggest it; against their suggestion, the verifier writes why first.
void approve(Desk& desk, const OpenRegistration& reg) {
  const creds::Suggestion* s = suggestion(reg);
  if (s && s->action != creds::SuggestedAction::Approve) return openForm(desk, RejectForm::Kind::ApproveOverride, "");
  desk.decideRegistration("approve", "", "");
}

void drawChecklist(Desk& desk, OpenRegistration& reg) {
  ImGui::Spacing();
  ImGui::TextUnformatted(tr("check.title"));
  ImGui::Separator();
  if (!reg.checks) {
    busyBar(tr("check.running"));
    return;
  }
  const auto& checklist = reg.checks->checklist;
  for (const auto& item : checklist.items) {
    const bool pass = item.status == creds::CheckStatus::Pass, fail = item.status == creds::CheckStatus::Fail;
    const ImVec4 colour = pass ? style::colour::kSuccess : fail ? style::colour::kError : style::colour::kWarning;
    ImGui::TextColored(colour, "%s", pass ? "✓" : fail ? "✗" : "?");
    ImGui::SameLine();
    char label[256];
    if (item.score)
      std::snprintf(label, sizeof label, "%s (%.0f%s%%)", tr("check." + item.id), *item.score * 100, percentSpace());
    else
      std::snprintf(label, sizeof label, "%s", tr("check." + item.id));
    // A check that read text on a proof: its line shows where (the document pans and zooms to the outline).
    const ProofOutline* where = nullptr;
    for (const auto& o : reg.checks->outlines)
      if (o.checkId == item.id) {
        where = &o;
        break;
      }
    if (where) {
      const bool shown = reg.checks->shownCheck == item.id;
      if (ImGui::Selectable((std::string(label) + "  " + icon::kLoupe + "##line." + item.id).c_str(), shown, 0,
                            ImVec2(ImGui::CalcTextSize(label).x + ImGui::GetFontSize() * 2, 0))) {
        reg.checks->shownCheck = item.id;
        reg.checks->focus = *where;
      }
      probe("check.line." + item.id);
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("check.show_where"));
    } else {
      ImGui::TextWrapped("%s", label);  // a long check name wraps in a narrow panel
    }
    if (item.manualCheck) {
      ImGui::SameLine();
      ImGui::TextColored(style::colour::kWarning, "· %s", tr("check.manual"));
    }
    ImGui::Indent();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", factsText(item.facts).c_str());
    ImGui::PopStyleColor();
    ImGui::Unindent();
  }
  const auto& s = checklist.suggestion;
  const std::string action(creds::suggestedActionName(s.action));
  ImGui::Separator();
  ImGui::Text("%s%s%s%s%s", tr("check.suggestion"), colon(), tr("action." + action), s.reasonCode.empty() ? "" : " — ",
              s.reasonCode.empty() ? "" : tr("regreason." + s.reasonCode));
  if (s.checks.empty()) {
    ImGui::TextWrapped("%s", tr("suggest.all_passed"));
  } else {
    std::string because;
    for (const auto& id : s.checks) because += (because.empty() ? "" : ", ") + std::string(tr("check." + id));
    ImGui::TextWrapped("%s%s%s", tr(s.manualCheck ? "suggest.after_manual" : "suggest.because"), colon(),
                       because.c_str());
  }
  if (ImGui::Button((withKey(tr("check.apply"), Action::ApplySuggestion) + "##apply").c_str()) ||
      (!rejectFormOf(desk).open && pressed(Action::ApplySuggestion))) {
    if (s.action == creds::SuggestedAction::Approve)
      desk.decideRegistration("approve", "", "");
    else if (s.action == creds::SuggestedAction::Reject)
      openForm(desk, RejectForm::Kind::Reject, s.reasonCode);
    else
      openForm(desk, RejectForm::Kind::RequestInfo, s.reasonCode);
  }
  probe("check.apply");
  if (ImGui::TreeNode(tr("check.ocr"))) {
    for (const auto& text : reg.checks->ocrTexts) ImGui::TextWrapped("%s", text.c_str());
    const auto directory = reg.checks->directory;
    ImGui::TextDisabled("%s",
                        tr(directory == RegistrationChecks::Directory::Indexed   ? "check.directory_indexed"
                           : directory == RegistrationChecks::Directory::Missing ? "check.directory_missing"
                                                                                 : "check.directory_unavailable"));
    if (!reg.checks->directoryError.empty() && ImGui::IsItemHovered())
      ImGui::SetTooltip("%s", reg.checks->directoryError.c_str());
    ImGui::TreePop();
  }
}

// Image point of the unrotated document after `rotation` quarter turns clockwise (as the canvas draws it).
view::Vec2 rotated(double x, double y, int rotation, int w, int h) {
  switch (((rotation % 4) + 4) % 4) {
    case 1: return {h - y, x};
    case 2: return {w - x, h - y};
    case 3: return {y, w - x};
    default: return {x, y};
  }
}

// The proof with the outlines of what the checks read on it; the clicked check's outlines stand out, and its box
// is brought into view once the canvas knows its viewport.
void drawDocument(OpenRegistration& reg, LoadedImage& doc, bool keyboard) {
  CanvasOptions options;
  options.keyboard = keyboard;
  options.rotation = reg.rotation;
  const int index = reg.currentDocument;
  const RegistrationChecks* checks = reg.checks ? &*reg.checks : nullptr;
  options.afterImage = [&](ImDrawList* draw) {
    if (!checks || !doc.pixels) return;
    const int w = doc.pixels->cols, h = doc.pixels->rows;
    for (const auto& o : checks->outlines) {
      if (o.document != index) continue;
      const bool shown = o.checkId == checks->shownCheck;
      const view::Vec2 a = viewOf(doc).transform.toScreen(rotated(o.box.x, o.box.y, reg.rotation, w, h));
      const view::Vec2 b = viewOf(doc).transform.toScreen(rotated(o.box.br().x, o.box.br().y, reg.rotation, w, h));
      const ImVec2 lo(float(std::min(a.x, b.x)) - 3, float(std::min(a.y, b.y)) - 3);
      const ImVec2 hi(float(std::max(a.x, b.x)) + 3, float(std::max(a.y, b.y)) + 3);
      draw->AddRect(lo, hi, shown ? style::colour::kHighlight : style::colour::kAccentLine,
                    style::px(style::kRoundControl), 0, shown ? 3.0f : 1.5f);
    }
  };
  drawCanvas(doc, "document", options);
  if (reg.checks && reg.checks->focus && viewOf(doc).initialised) {
    const ProofOutline focus = *reg.checks->focus;
    reg.checks->focus.reset();
    if (focus.document != reg.currentDocument) {  // the other proof: shown, then centred at its next frame
      reg.currentDocument = focus.document;
      reg.checks->focus = focus;
      return;
    }
    if (reg.rotation == 0) {
      mask::Region box;
      box.box = focus.box;
      centreOnRegion(doc, box);
    } else {  // rotated: the rotated box's centre, at the same zoom rule
      const int w = doc.pixels->cols, h = doc.pixels->rows;
      const view::Vec2 a = rotated(focus.box.x, focus.box.y, reg.rotation, w, h);
      const view::Vec2 b = rotated(focus.box.br().x, focus.box.br().y, reg.rotation, w, h);
      mask::Region box;
      box.box = cv::Rect(cv::Point(int(std::min(a.x, b.x)), int(std::min(a.y, b.y))),
                         cv::Point(int(std::max(a.x, b.x)), int(std::max(a.y, b.y))));
      centreOnRegion(doc, box);
    }
  }
}

}  // namespace

void drawRegistration(Desk& desk) {
  if (!desk.registration) {
    ImGui::TextDisabled("%s", desk.loadingQueue ? tr("queue.loading") : tr("reg.none"));
    return;
  }
  OpenRegistration& reg = *desk.registration;
  RejectForm& form = rejectFormOf(desk);
  if (reg.state.phase() == ItemPhase::LeaseLost) ImGui::TextColored(style::colour::kError, "%s", tr("post.lease_lost"));
  const float actionsHeight = style::px(form.open ? style::kDecisionForm : style::kDecisionRow);
  const float bodyHeight = ImGui::GetContentRegionAvail().y - actionsHeight;

  // The claims and checks beside the proof: the desk's side panel (layout.cpp computed its width so that the proof
  // keeps 60 % of the window), resizable by its bar and folded with F8 like the post view's regions panel.
  const SideLayout& sides = deskView().panels.sides;
  if (sides.sideCollapsed) {
    foldedPanel(desk, false, "##claims-folded", icon::kFoldRight, bodyHeight);
  } else {
    ImGui::BeginChild("##claims-panel", ImVec2(sides.side, bodyHeight), true);
    drawClaims(reg.detail.applicant);
    drawChecklist(desk, reg);
    ImGui::EndChild();
    ImGui::SameLine(0, 0);
    panelBar(desk, false, bodyHeight, true);
  }
  ImGui::SameLine(0, 0);
  ImGui::BeginChild("##document-panel", ImVec2(0, bodyHeight), false);
  ImGui::TextUnformatted(tr("reg.documents"));
  for (int i = 0; i < static_cast<int>(reg.documents.size()); ++i) {
    ImGui::SameLine();
    const std::string label =
        std::string(tr("doc." + reg.detail.documentKinds.at(static_cast<size_t>(i)))) + "##doc" + std::to_string(i);
    if (ImGui::RadioButton(label.c_str(), reg.currentDocument == i)) reg.currentDocument = i;
  }
  ImGui::SameLine();
  if (ImGui::SmallButton("↺")) reg.rotation = (reg.rotation + 3) % 4;
  ImGui::SameLine();
  if (ImGui::SmallButton("↻")) reg.rotation = (reg.rotation + 1) % 4;
  if (!reg.documents.empty()) {
    LoadedImage& doc = reg.documents.at(static_cast<size_t>(reg.currentDocument));
    static int lastRotation = 0;
    if (lastRotation != reg.rotation) viewOf(doc).initialised = false;  // refit after a rotation
    lastRotation = reg.rotation;
    drawDocument(reg, doc, !form.open);
  }
  ImGui::EndChild();

  // Why the decision buttons wait (ItemState::blockedReason): their tooltip and the status line after them.
  const char* why = desk.blockedReason(DecisionKind::Other);
  if (std::string_view(why) == "blocked.loading") why = "blocked.documents_loading";
  const bool canDecide = !*why;
  ImGui::BeginDisabled(!canDecide);
  if (ImGui::Button((withKey(tr("reg.approve"), Action::Approve) + "##reg.approve").c_str(),
                    style::px(style::kDecisionButtonMedium, style::kDecisionButtonHeight)) ||
      (canDecide && !form.open && pressed(Action::Approve)))
    approve(desk, reg);
  probe("reg.approve");
  if (canDecide) shortcutTooltip(Action::Approve);
  whyDisabled(why);
  ImGui::SameLine();
  if (ImGui::Button((withKey(tr("reg.reject"), Action::Reject) + "##reg.reject").c_str(),
                    style::px(style::kDecisionButtonNarrow, style::kDecisionButtonHeight)) ||
      (canDecide && !form.open && pressed(Action::Reject))) {
    openForm(desk, RejectForm::Kind::Reject, suggestedReason(reg, creds::SuggestedAction::Reject));
  }
  probe("reg.reject");
  if (canDecide) shortcutTooltip(Action::Reject);
  whyDisabled(why);
  ImGui::SameLine();
  if (ImGui::Button((withKey(tr("reg.request_info"), Action::RequestInfo) + "##reg.request_info").c_str(),
                    style::px(style::kDecisionButtonMedium, style::kDecisionButtonHeight)) ||
      (canDecide && !form.open && pressed(Action::RequestInfo))) {
    openForm(desk, RejectForm::Kind::RequestInfo, suggestedReason(reg, creds::SuggestedAction::RequestInfo));
  }
  probe("reg.request_info");
  if (canDecide) shortcutTooltip(Action::RequestInfo);
  whyDisabled(why);
  ImGui::EndDisabled();
  if (reg.state.sending()) {
    ImGui::SameLine();
    busyBar(tr("post.sending"), style::px(style::kProgressWidth));
  } else if (!canDecide) {
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    disabledStatus(why);
    probe("reg.why");
  }
  const RejectForm::Kind kind = form.kind;
  drawRejectForm(form, registrationFormSpec(kind), [&desk, kind](const std::string& code, const std::string& text) {
    if (kind == RejectForm::Kind::ApproveOverride)
      desk.decideRegistration("approve", "", "", text);
    else
      desk.decideRegistration(kind == RejectForm::Kind::RequestInfo ? "request_info" : "reject", code, text);
  });
}

}  // namespace medpics::desk
