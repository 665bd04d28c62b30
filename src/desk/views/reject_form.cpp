// Decision form implementation (inline panel, keyboard: 1–9 choose a reason, Enter confirms, Esc cancels).
#include "views/reject_form.hpp"

#include "desk.hpp"

#include "i18n.hpp"
#include "ui_probe.hpp"
#include "shortcuts.hpp"
#include "style.hpp"
#include "views/keys.hpp"

#include "views/views.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

namespace medpics::desk {

namespace {
std::string noMessage(const std::string&) { return {}; }
}  // namespace

FormSpec postFormSpec() {
  return {"post.reason",
          "reason.",
          "post.message",
          "post.confirm_reject",
          &Desk::postReasonCodes(),
          &Desk::defaultRejectMessage};
}

FormSpec registrationFormSpec(RejectForm::Kind kind) {
  switch (kind) {
    case RejectForm::Kind::RequestInfo:
      return {"reg.request_title",
              "inforeason.",
              "reg.message",
              "reg.request_info",
              &Desk::requestInfoReasonCodes(),
              &Desk::defaultRequestMessage};
    case RejectForm::Kind::ApproveOverride:
      return {"reg.override_title", "", "reg.override_note", "reg.approve", nullptr, &noMessage};
    case RejectForm::Kind::Reject: break;
  }
  return {"post.reason",
          "regreason.",
          "reg.message",
          "post.confirm_reject",
          &Desk::registrationReasonCodes(),
          &Desk::defaultRejectMessage};
}

void drawRejectForm(RejectForm& form, const FormSpec& spec,
                    const std::function<void(const std::string&, const std::string&)>& confirm) {
  if (!form.open) return;
  ImGui::Separator();
  ImGui::TextUnformatted(tr(spec.titleKey));
  const bool hasReasons = spec.codes && !spec.codes->empty();
  if (hasReasons) {
    const auto& codes = *spec.codes;
    const float right = ImGui::GetWindowContentRegionMax().x;
    for (int i = 0; i < static_cast<int>(codes.size()); ++i) {
      const std::string label = std::to_string(i + 1) + ". " + tr(std::string(spec.reasonKeyPrefix) + codes[i]);
      // Reasons flow on as many lines as needed: none is cut at the window's edge.
      const float width =
          ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(label.c_str()).x;
      if (i > 0) {
        ImGui::SameLine();
        if (ImGui::GetCursorPosX() + width > right) ImGui::NewLine();
      }
      if (ImGui::RadioButton(label.c_str(), form.reason == i) || shortcut(GLFW_KEY_1 + i)) {
        form.reason = i;
        form.message = spec.messageFor(codes[i]);
      }
      probe("reject.reason." + std::to_string(i));
    }
  }
  ImGui::TextUnformatted(tr(spec.messageKey));
  if (form.focusText) ImGui::SetKeyboardFocusHere();
  form.focusText = false;
  bool entered = false;
  if (hasReasons) {
    ImGui::InputTextMultiline("##message", &form.message, ImVec2(-1, style::px(style::kMessageHeight)));
  } else {  // one line: Enter in it confirms
    ImGui::SetNextItemWidth(-1);
    entered = ImGui::InputText("##message", &form.message, ImGuiInputTextFlags_EnterReturnsTrue);
  }
  probe("reject.message");
  const std::string code = hasReasons ? (*spec.codes)[static_cast<size_t>(form.reason)] : "";
  const bool needsMessage = (!hasReasons || code == "other") && form.message.empty();
  ImGui::BeginDisabled(needsMessage);
  if (ImGui::Button(tr(spec.confirmKey)) || (!needsMessage && (entered || pressed(Action::ConfirmReject)))) {
    confirm(code, form.message);
    form.open = false;
  }
  probe("reject.confirm");
  const char* why = needsMessage ? (hasReasons ? "blocked.message_other" : "blocked.message_needed") : "";
  if (!needsMessage) shortcutTooltip(Action::ConfirmReject);
  whyDisabled(why);
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button(tr("post.cancel")) || pressed(Action::Cancel)) form.open = false;
  shortcutTooltip(Action::Cancel);
  if (needsMessage) {
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    disabledStatus(why);
    probe("reject.why");
  }
}

}  // namespace medpics::desk
