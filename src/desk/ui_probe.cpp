// UiProbe implementation.
#include "ui_probe.hpp"

namespace medpics::desk {

UiProbe& UiProbe::instance() {
  static UiProbe probe;
  return probe;
}

void UiProbe::mark(const std::string& name) {
  const ImVec2 min = ImGui::GetItemRectMin();
  const ImVec2 max = ImGui::GetItemRectMax();
  current_[name] = ImVec4(min.x, min.y, max.x - min.x, max.y - min.y);
}

void UiProbe::markWindow(const std::string& name) {
  const ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
  current_[name] = ImVec4(pos.x, pos.y, size.x, size.y);
}

void UiProbe::markRect(const std::string& name, ImVec2 min, ImVec2 max) {
  current_[name] = ImVec4(min.x, min.y, max.x - min.x, max.y - min.y);
}

std::optional<ImVec4> UiProbe::rect(const std::string& name) const {
  auto it = last_.find(name);
  if (it == last_.end()) return std::nullopt;
  return it->second;
}

}  // namespace medpics::desk
