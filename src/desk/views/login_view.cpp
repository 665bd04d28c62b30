// Login screen: platform URL, user name, password (never stored), sign-in button.
#include "desk.hpp"
#include "i18n.hpp"
#include "style.hpp"
#include "ui_probe.hpp"
#include "views/views.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

namespace medpics::desk {

void drawLogin(Desk& desk) {
  const ImVec2 size = style::px(style::kLoginPanel.w, style::kLoginPanel.h);
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  ImGui::SetCursorPos(ImVec2((avail.x - size.x) / 2, (avail.y - size.y) / 3));
  ImGui::BeginChild("##login", size, true);
  ImGui::TextUnformatted(tr("app.name"));
  ImGui::Separator();
  ImGui::TextUnformatted(tr("login.title"));
  ImGui::Spacing();
  ImGui::PushItemWidth(-1);
  ImGui::TextUnformatted(tr("login.url"));
  ImGui::InputText("##url", &desk.loginUrl);
  probe("login.url");
  ImGui::TextUnformatted(tr("login.user"));
  if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();  // type at once; Tab to the password, Enter
  ImGui::InputText("##user", &desk.loginUser);
  probe("login.user");
  ImGui::TextUnformatted(tr("login.password"));
  const bool enter = ImGui::InputText("##password", &desk.loginPassword,
                                      ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue);
  probe("login.password");
  ImGui::PopItemWidth();
  ImGui::Checkbox(tr("login.remember"), &desk.settings.rememberMe);
  probe("login.remember");
  ImGui::Spacing();
  ImGui::BeginDisabled(desk.loggingIn);
  const bool clicked = ImGui::Button(desk.loggingIn ? tr("login.busy") : tr("login.submit"), ImVec2(-1, 0));
  probe("login.submit");
  whyDisabled(desk.loggingIn ? "blocked.signing_in" : "");
  ImGui::EndDisabled();
  if ((clicked || enter) && !desk.loggingIn) desk.login();
  ImGui::TextDisabled("%s", tr("login.help_hint"));
  ImGui::EndChild();
}

}  // namespace medpics::desk
