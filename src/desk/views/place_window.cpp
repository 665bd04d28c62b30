// Side windows open centred and never larger than the desk's window (history, statistics, settings, help, details).
#include "style.hpp"
#include "views/views.hpp"

#include <imgui.h>

#include <algorithm>

namespace medpics::desk {

void placeWindow(float width, float height, int condition) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float margin = 2 * style::px(style::kSpaceL);
  const ImVec2 size(std::min(style::px(width), vp->WorkSize.x - 2 * margin),
                    std::min(style::px(height), vp->WorkSize.y - 2 * margin));
  ImGui::SetNextWindowSize(size, condition);
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x / 2, vp->WorkPos.y + vp->WorkSize.y / 2), condition,
                          ImVec2(0.5f, 0.5f));
}

}  // namespace medpics::desk
