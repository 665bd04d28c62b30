// Help overlay (F1 or ?): every shortcut of the shortcut table, grouped by where it works.
#include "desk.hpp"
#include "i18n.hpp"
#include "shortcuts.hpp"
#include "style.hpp"
#include "ui_probe.hpp"
#include "views/desk_view.hpp"
#include "views/views.hpp"

#include <imgui.h>

namespace medpics::desk {

void drawHelpOverlay(Desk& desk) {
  if (!deskView().panels.help) return;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  placeWindow(style::kHelpWidth, vp->WorkSize.y * 0.85f / style::scale(), ImGuiCond_Always);
  ImGui::SetNextWindowBgAlpha(0.97f);
  ImGui::Begin(tr("help.title"), &deskView().panels.help,
               ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings);
  probe("help.window");
  ImGui::TextWrapped("%s", tr("help.intro"));
  const KeyContext contexts[] = {KeyContext::Everywhere, KeyContext::Queue,        KeyContext::Post,
                                 KeyContext::Editor,     KeyContext::Registration, KeyContext::RejectForm};
  for (const KeyContext context : contexts) {
    ImGui::Spacing();
    ImGui::TextColored(ImGui::GetStyleColorVec4(ImGuiCol_PlotHistogram), "%s", tr(contextKey(context)));
    if (!ImGui::BeginTable(contextKey(context), 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) continue;
    ImGui::TableSetupColumn("k", ImGuiTableColumnFlags_WidthFixed, style::px(style::kKeyColumn));
    ImGui::TableSetupColumn("d", ImGuiTableColumnFlags_WidthStretch);
    for (const auto& s : shortcuts()) {
      if (s.context != context) continue;
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::TextUnformatted(keyLabel(s.action));
      ImGui::TableSetColumnIndex(1);
      ImGui::TextUnformatted(tr(s.description));
    }
    ImGui::EndTable();
  }
  ImGui::End();
}

}  // namespace medpics::desk
