// Side panel widths: the image keeps at least 60 % of the window width at laptop and desktop sizes.
#include "side_layout.hpp"

#include <catch2/catch.hpp>

using namespace medpics::desk;

namespace {
float canvasShare(float width, const SideLayout& l) { return (width - l.queue - l.side - kPanelGaps) / width; }
}  // namespace

TEST_CASE("side panels leave the image at least 60 % of the window width") {
  for (const float width : {800.0f, 1024.0f, 1280.0f, 1366.0f, 1600.0f, 1920.0f, 2560.0f}) {
    INFO("window " << width);
    const SideLayout automatic = sideLayout(width, 0, 0, false, false);
    CHECK(canvasShare(width, automatic) >= 0.6f - 1e-4f);
    // Dragged wide, they are shrunk back to keep the image's share.
    const SideLayout dragged = sideLayout(width, 900, 900, false, false);
    CHECK(canvasShare(width, dragged) >= 0.6f - 1e-4f);
  }
  // From 1280 px both panels stay open; at 800 px the queue folds into a strip (the regions list stays).
  CHECK_FALSE(sideLayout(1280, 0, 0, false, false).queueCollapsed);
  CHECK_FALSE(sideLayout(1366, 0, 0, false, false).queueCollapsed);
  const SideLayout narrow = sideLayout(800, 0, 0, false, false);
  CHECK(narrow.queueCollapsed);
  CHECK(narrow.queueAutoCollapsed);
  CHECK(narrow.queue == kCollapsedStrip);
  CHECK_FALSE(narrow.sideCollapsed);
}

TEST_CASE("a collapsed panel is a strip and gives its width to the image") {
  const SideLayout open = sideLayout(1920, 0, 0, false, false);
  const SideLayout folded = sideLayout(1920, 0, 0, true, true);
  CHECK(folded.queue == kCollapsedStrip);
  CHECK(folded.side == kCollapsedStrip);
  CHECK_FALSE(folded.queueAutoCollapsed);
  CHECK(canvasShare(1920, folded) > canvasShare(1920, open));
  // A dragged width is kept when there is room for it.
  CHECK(sideLayout(1920, 300, 400, false, false).queue == 300);
  CHECK(sideLayout(1920, 300, 400, false, false).side == 400);
}

TEST_CASE("a registration's claims panel keeps its minimum: the queue folds first, the proof keeps 60 %") {
  for (const float width : {1280.0f, 1366.0f, 1600.0f, 1920.0f}) {
    INFO("window " << width);
    const SideLayout l = sideLayout(width, 0, 0, false, false, kClaimsPanelMin);
    CHECK(l.side >= kClaimsPanelMin);
    CHECK(canvasShare(width, l) >= 0.6f - 1e-4f);
  }
  CHECK(sideLayout(1280, 0, 0, false, false, kClaimsPanelMin).queueAutoCollapsed);
  CHECK_FALSE(sideLayout(1366, 0, 0, false, false, kClaimsPanelMin).queueCollapsed);
  CHECK_FALSE(sideLayout(1920, 0, 0, false, false, kClaimsPanelMin).queueCollapsed);
}
