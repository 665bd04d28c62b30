// View state of the region editor for the open post (tool, drag in progress, polygon draft, preview switches, final
// review), held by DeskView per opening of a post (views/desk_view.hpp).
#pragma once
#include "medpics/mask/region.hpp"

#include <opencv2/core.hpp>

#include <optional>
#include <utility>
#include <vector>

namespace medpics::desk {

enum class Tool { Select, Rect, Ellipse, Polygon, Brush, Eraser };

struct EditorState {
  enum class Drag { None, Create, Move, Handle, Vertex, Paint };
  Tool tool = Tool::Select;
  mask::Style newStyle = mask::Style::Solid;
  int brushRadius = 12;
  bool preview = true;  // live masking preview (Space held shows the original)
  bool showOriginal = false;
  bool finalReview = false;  // the exact published pixels, fitted, with a 1:1 loupe: the last look before approval
  Drag drag = Drag::None;
  cv::Point dragStart;                                    // image pixel where the drag began
  int dragId = 0;                                         // region being edited
  int handle = 0;                                         // 0..7 box handles (clockwise from top-left) or vertex index
  mask::Region dragOrigin;                                // the region as it was when the drag began
  std::vector<std::pair<int, mask::Region>> moveOrigins;  // every selected region when a move began
  std::vector<cv::Point> polygonDraft;
  bool listAllRegions = false;         // after a residual objection the list shows its new findings unless ticked
  bool scrollListToSelection = false;  // the selection changed on the image (click, Tab): the list shows it
  // Final review: the image whose view was last fitted for it (-1: none yet), and where the loupe is held by Tab
  // (image pixel) until the pointer moves over the canvas.
  int finalReviewFitted = -1;
  std::optional<cv::Point2d> loupeAnchor;
  float belowRegionList = 0;  // height of the regions panel under its list, measured on the last frame
  int objectionsSeen = 0;     // the post's residual objections already applied (a new one leaves the final review)
};

}  // namespace medpics::desk
