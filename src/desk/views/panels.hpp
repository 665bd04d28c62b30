// Which of the desk's side windows are open (help overlay, history and audit, statistics, settings, notification
// details) and this frame's side panel widths: view state, held by DeskView.
#pragma once
#include "side_layout.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace medpics::desk {

struct Panels {
  bool help = false, history = false, statistics = false, settings = false;
  SideLayout sides;  // this frame's side panel widths (layout.cpp), read by the item views
  // The notification whose detail window is open (a copy: toasts expire and move while it is read).
  struct Detail {
    bool error = false;
    std::string text, detail;
    std::int64_t wallTime = 0;
  };
  std::optional<Detail> notificationDetail;
};

}  // namespace medpics::desk
