// The editable set of regions of one image: stable ids, selection, edits, and undo / redo of every edit.
#pragma once
#include "medpics/mask/region.hpp"

#include <optional>
#include <set>
#include <vector>

namespace medpics::review {

struct Item {
  int id = 0;
  mask::Region region;
};

class RegionDocument {
 public:
  explicit RegionDocument(cv::Size imageSize = {1, 1});

  cv::Size imageSize() const { return size_; }
  const std::vector<Item>& items() const { return items_; }
  const Item* find(int id) const;
  const std::set<int>& selection() const { return selection_; }

  // Selection (not an undoable edit).
  void select(int id, bool additive = false);
  void selectAll();
  void clearSelection() { selection_.clear(); }
  // Topmost region containing the image point (dismissed ones included: they stay clickable).
  std::optional<int> hitTest(cv::Point p) const;
  // Next / previous region in reading order (top to bottom, left to right) after the primary selection.
  std::optional<int> cycle(int direction) const;
  // Same, among `among` only (ids; others and unknown ones are skipped), e.g. the residual check's new findings.
  std::optional<int> cycle(int direction, const std::vector<int>& among) const;
  // Every region id in reading order (top to bottom, left to right): the order of Tab and of the regions list.
  std::vector<int> readingOrder() const;

  // ---- edits: each one is one undo step ----
  int add(mask::Region region);                     // selects the new region
  void addMany(std::vector<mask::Region> regions);  // one step (e.g. the automatic findings)
  void replace(int id, mask::Region region);        // numeric fields, vertex edits, brush strokes
  void removeSelected();
  void duplicateSelected(cv::Point offset = {10, 10});
  void moveSelected(int dx, int dy);    // clamped so regions stay on the image
  void resizeSelected(int dw, int dh);  // width / height by dw, dh (at least 1 px)
  void setStyleSelected(mask::Style style);
  void setStateSelected(mask::State state);  // accept / dismiss

  // Continuous edits (a drag): begin once, apply many times, end once → a single undo step.
  void beginGesture();
  void gestureReplace(int id, mask::Region region);  // no history entry
  void endGesture();
  bool inGesture() const { return gesture_.has_value(); }

  bool undo();
  bool redo();
  // Moves a region the least needed to keep its bounds inside the image.
  mask::Region clampToImage(mask::Region r) const;
  bool canUndo() const { return !undo_.empty(); }
  bool canRedo() const { return !redo_.empty(); }
  int revision() const { return revision_; }  // bumps on every change (for preview caches)

 private:
  struct Snapshot {
    std::vector<Item> items;
    std::set<int> selection;
  };
  void checkpoint();  // push the current state on the undo stack, clear redo
  void touched() { ++revision_; }
  Item* findMutable(int id);

  cv::Size size_;
  std::vector<Item> items_;
  std::set<int> selection_;
  std::vector<Snapshot> undo_, redo_;
  std::optional<Snapshot> gesture_;
  int nextId_ = 1;
  int revision_ = 0;
};

// Translates any region by (dx, dy) (polygon points, box).
mask::Region translated(mask::Region r, int dx, int dy);

}  // namespace medpics::review
