// One line of text in the room left on the line: shortened with "…" and the whole text as a tooltip when too long.
#include "views/views.hpp"

#include <imgui.h>
#include <imgui_internal.h>

namespace medpics::desk {

void fittedText(const ImVec4& colour, const std::string& text) {
  const float room = ImGui::GetContentRegionAvail().x;
  const ImVec2 size = ImGui::CalcTextSize(text.c_str());
  ImGui::PushStyleColor(ImGuiCol_Text, colour);
  if (size.x <= room) {
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopStyleColor();
    return;
  }
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const float width = room > 20 ? room : 20;
  ImGui::Dummy(ImVec2(width, size.y));
  ImGui::RenderTextEllipsis(ImGui::GetWindowDrawList(), pos, ImVec2(pos.x + width, pos.y + size.y), pos.x + width,
                            pos.x + width, text.c_str(), nullptr, &size);
  ImGui::PopStyleColor();
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", text.c_str());
}

}  // namespace medpics::desk
