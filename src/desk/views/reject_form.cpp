// Reject dialog implementation (inline panel, keyboard: 1–9 choose a reason, Enter confirms, Esc cancels).
#include "views/reject_form.hpp"

#include "i18n.hpp"
#include "ui_probe.hpp"
#include "shortcuts.hpp"
#include "views/keys.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

namespace medpics::desk {

void drawRejectForm(RejectForm& form, const std::vector<std::string>& codes, const char* reasonKeyPrefix,
                    const std::function<void(const std::string&, const std::string&)>& confirm) {
  if (!form.open) return;
  ImGui::Separator();
  ImGui::TextUnformatted(tr("post.reason"));
  for (int i = 0; i < static_cast<int>(codes.size()); ++i) {
    const std::string label = std::to_string(i + 1) + ". " + tr(std::string(reasonKeyPrefix) + codes[i]);
    if (ImGui::RadioButton(label.c_str(), form.reason == i) || shortcut(GLFW_KEY_1 + i)) {
      form.reason = i;
      form.message = Desk::defaultRejectMessage(codes[i]);
    }
    probe("reject.reason." + std::to_string(i));
    ImGui::SameLine();
  }
  ImGui::NewLine();
  ImGui::TextUnformatted(tr("post.message"));
  ImGui::InputTextMultiline("##message", &form.message, ImVec2(-1, 60));
  probe("reject.message");
  const bool needsMessage = codes[form.reason] == "other" && form.message.empty();
  ImGui::BeginDisabled(needsMessage);
  if (ImGui::Button(tr(form.requestInfo ? "reg.request_info" : "post.confirm_reject")) || (!needsMessage && pressed(Action::ConfirmReject))) {
    confirm(codes[form.reason], form.message);
    form.open = false;
  }
  probe("reject.confirm");
  shortcutTooltip(Action::ConfirmReject);
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button(tr("post.cancel")) || pressed(Action::Cancel)) form.open = false;
  shortcutTooltip(Action::Cancel);
}

}  // namespace medpics::desk
