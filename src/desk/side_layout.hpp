// Widths of the desk's two side panels (queue on the left, regions or claims on the right) for a window width:
// the moderator's widths and collapsed panels, shrunk and then collapsed so that the image keeps 60 % of the width.
#pragma once

namespace medpics::desk {

struct SideLayout {
  float queue = 0, side = 0;  // pixels, a collapsed panel's strip included
  bool queueCollapsed = false, sideCollapsed = false;
  bool queueAutoCollapsed = false;  // collapsed because the window is too narrow (not by the moderator)
};

inline constexpr float kCollapsedStrip = 30;   // a collapsed panel: a strip with its expand button
inline constexpr float kMinImageShare = 0.6f;  // of the window width, for the canvas
inline constexpr float kPanelGaps = 36;        // window padding, item spacing and the two splitters
// Narrowest side panel: the regions list and its tools; a registration's claims and checks (their table and
// sentences need more room: the queue folds before the claims get narrower).
inline constexpr float kRegionsPanelMin = 230, kClaimsPanelMin = 300;

// queueWidth / sideWidth: the moderator's (dragged) widths, 0 for automatic.
SideLayout sideLayout(float windowWidth, float queueWidth, float sideWidth, bool queueCollapsed, bool sideCollapsed,
                      float sideMin = kRegionsPanelMin);

}  // namespace medpics::desk
