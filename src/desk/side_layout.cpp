// Side panel widths: automatic or dragged, shrunk to their minimum, then the queue collapsed, for a wide canvas.
#include "side_layout.hpp"

#include <algorithm>

namespace medpics::desk {

namespace {
constexpr float kQueueMin = 200, kQueueMax = 420, kSideMax = 460;
}  // namespace

SideLayout sideLayout(float windowWidth, float queueWidth, float sideWidth, bool queueCollapsed, bool sideCollapsed,
                      float sideMin) {
  SideLayout layout{0, 0, queueCollapsed, sideCollapsed, false};
  const float automatic = 0.18f * windowWidth;
  float queue = std::clamp(queueWidth > 0 ? queueWidth : automatic, kQueueMin, kQueueMax);
  float side = std::clamp(sideWidth > 0 ? sideWidth : automatic, sideMin, std::max(sideMin, kSideMax));
  if (queueCollapsed) queue = kCollapsedStrip;
  if (sideCollapsed) side = kCollapsedStrip;
  const float budget = windowWidth * (1 - kMinImageShare) - kPanelGaps;
  if (queue + side > budget) {  // shrink the open panels towards their minimum, in proportion
    const float queueRoom = queueCollapsed ? 0 : queue - kQueueMin, sideRoom = sideCollapsed ? 0 : side - sideMin;
    const float excess = queue + side - budget, room = queueRoom + sideRoom;
    const float share = room > 0 ? std::min(1.0f, excess / room) : 0;
    queue -= queueRoom * share;
    side -= sideRoom * share;
  }
  if (queue + side > budget && !queueCollapsed) {  // still too wide: the queue folds away (J / K still work)
    queue = kCollapsedStrip;
    layout.queueCollapsed = layout.queueAutoCollapsed = true;
  }
  layout.queue = queue;
  layout.side = side;
  return layout;
}

}  // namespace medpics::desk
