// Progress bars: a measured fraction, or an animated bar while the length of the work is unknown.
#include "views/views.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace medpics::desk {

void progressBar(float fraction, const char* label, float width) {
  ImGui::ProgressBar(std::clamp(fraction, 0.0f, 1.0f), ImVec2(width, 0), label);
}

void busyBar(const char* label, float width) {
  const ImVec2 start = ImGui::GetCursorScreenPos();
  ImGui::ProgressBar(0.0f, ImVec2(width, 0), label);  // frame and label
  const ImVec2 end = ImGui::GetItemRectMax();
  const float inner = end.x - start.x, segment = inner * 0.25f;
  const float t = static_cast<float>(std::fmod(ImGui::GetTime() * 0.8, 1.0));
  const float x0 = start.x + (inner + segment) * t - segment;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->PushClipRect(start, end, true);
  draw->AddRectFilled(ImVec2(x0, start.y + 2), ImVec2(x0 + segment, end.y - 2),
                      ImGui::GetColorU32(ImGuiCol_PlotHistogram, 0.8f), ImGui::GetStyle().FrameRounding);
  draw->PopClipRect();
}

}  // namespace medpics::desk
