// Records the screen rectangle of named widgets each frame so GUI tests can click them like a user.
#pragma once
#include <imgui.h>

#include <optional>
#include <string>
#include <unordered_map>

namespace medpics::desk {

class UiProbe {
 public:
  static UiProbe& instance();
  void beginFrame() { current_.clear(); }
  void endFrame() { last_ = current_; }
  // Call right after an ImGui item: remembers its rectangle under the name.
  void mark(const std::string& name);
  // Remembers the current window's rectangle under the name (inside Begin / End).
  void markWindow(const std::string& name);
  // Remembers a drawn (not interactive) rectangle under the name, in screen pixels.
  void markRect(const std::string& name, ImVec2 min, ImVec2 max);
  std::optional<ImVec4> rect(const std::string& name) const;  // x, y, w, h; from the last complete frame

 private:
  std::unordered_map<std::string, ImVec4> current_, last_;
};

inline void probe(const std::string& name) { UiProbe::instance().mark(name); }

}  // namespace medpics::desk
