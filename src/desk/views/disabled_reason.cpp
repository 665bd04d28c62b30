// Why an action is disabled: the reason as the disabled item's tooltip and as a status line (catalogue keys).
#include "i18n.hpp"
#include "style.hpp"
#include "views/views.hpp"

#include <imgui.h>

namespace medpics::desk {

void whyDisabled(const char* reasonKey) {
  if (reasonKey && *reasonKey && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
    ImGui::SetTooltip("%s", tr(reasonKey));
}

void disabledStatus(const char* reasonKey) {
  if (!reasonKey || !*reasonKey) return;
  fittedText(style::colour::kWarning, tr(reasonKey));
}

}  // namespace medpics::desk
