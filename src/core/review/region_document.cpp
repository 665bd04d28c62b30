// RegionDocument implementation: snapshot-based history (brush masks are cloned before any change).
#include "medpics/review/region_document.hpp"

#include <algorithm>

namespace medpics::review {
using mask::Region;
using mask::Shape;

namespace {
constexpr std::size_t kMaxHistory = 500;
}

mask::Region translated(Region r, int dx, int dy) {
  r.box.x += dx;
  r.box.y += dy;
  for (auto& p : r.points) p += cv::Point(dx, dy);
  return r;
}

RegionDocument::RegionDocument(cv::Size imageSize) : size_(imageSize) {}

const Item* RegionDocument::find(int id) const {
  auto it = std::find_if(items_.begin(), items_.end(), [id](const Item& i) { return i.id == id; });
  return it == items_.end() ? nullptr : &*it;
}

Item* RegionDocument::findMutable(int id) { return const_cast<Item*>(find(id)); }

void RegionDocument::select(int id, bool additive) {
  if (!additive) selection_.clear();
  if (!find(id)) return;
  if (additive && selection_.count(id))
    selection_.erase(id);
  else
    selection_.insert(id);
}

void RegionDocument::selectAll() {
  for (const auto& i : items_) selection_.insert(i.id);
}

std::optional<int> RegionDocument::hitTest(cv::Point p) const {
  for (auto it = items_.rbegin(); it != items_.rend(); ++it) {
    const Region& r = it->region;
    if (!r.bounds().contains(p)) continue;
    if (r.shape == Shape::Rect) return it->id;
    cv::Mat1b mask(size_, 0);
    mask::rasterize(r, mask);
    if (p.x >= 0 && p.y >= 0 && p.x < size_.width && p.y < size_.height && mask(p)) return it->id;
  }
  return std::nullopt;
}

std::vector<int> RegionDocument::readingOrder() const {
  std::vector<const Item*> order;
  for (const auto& i : items_) order.push_back(&i);
  std::stable_sort(order.begin(), order.end(), [](const Item* a, const Item* b) {
    const cv::Rect ra = a->region.bounds(), rb = b->region.bounds();
    return ra.y != rb.y ? ra.y < rb.y : ra.x < rb.x;
  });
  std::vector<int> ids;
  for (const Item* i : order) ids.push_back(i->id);
  return ids;
}

std::optional<int> RegionDocument::cycle(int direction) const {
  std::vector<int> all;
  for (const auto& i : items_) all.push_back(i.id);
  return cycle(direction, all);
}

std::optional<int> RegionDocument::cycle(int direction, const std::vector<int>& among) const {
  std::vector<int> order;
  for (int id : readingOrder())
    if (std::find(among.begin(), among.end(), id) != among.end()) order.push_back(id);
  if (order.empty()) return std::nullopt;
  int pos = -1;
  if (!selection_.empty())
    for (int k = 0; k < static_cast<int>(order.size()); ++k)
      if (order[k] == *selection_.begin()) pos = k;
  const int n = static_cast<int>(order.size());
  const int next = pos < 0 ? (direction > 0 ? 0 : n - 1) : ((pos + direction) % n + n) % n;
  return order[next];
}

void RegionDocument::checkpoint() {
  if (gesture_) return;  // a gesture records one step when it ends
  undo_.push_back({items_, selection_});
  if (undo_.size() > kMaxHistory) undo_.erase(undo_.begin());
  redo_.clear();
}

Region RegionDocument::clampToImage(Region r) const {
  const cv::Rect b = r.bounds();
  int dx = 0, dy = 0;
  if (b.x + b.width > size_.width) dx = size_.width - (b.x + b.width);
  if (b.y + b.height > size_.height) dy = size_.height - (b.y + b.height);
  if (b.x + dx < 0) dx = -b.x;
  if (b.y + dy < 0) dy = -b.y;
  return translated(std::move(r), dx, dy);
}

int RegionDocument::add(Region region) {
  checkpoint();
  const int id = nextId_++;
  items_.push_back({id, std::move(region)});
  selection_ = {id};
  touched();
  return id;
}

void RegionDocument::addMany(std::vector<Region> regions) {
  if (regions.empty()) return;
  checkpoint();
  for (auto& r : regions) items_.push_back({nextId_++, std::move(r)});
  touched();
}

void RegionDocument::replace(int id, Region region) {
  if (!find(id)) return;
  checkpoint();
  findMutable(id)->region = std::move(region);
  touched();
}

void RegionDocument::removeSelected() {
  if (selection_.empty()) return;
  checkpoint();
  std::erase_if(items_, [this](const Item& i) { return selection_.count(i.id) > 0; });
  selection_.clear();
  touched();
}

void RegionDocument::duplicateSelected(cv::Point offset) {
  if (selection_.empty()) return;
  checkpoint();
  std::set<int> copies;
  const auto originals = items_;
  for (const auto& i : originals) {
    if (!selection_.count(i.id)) continue;
    Region copy = translated(i.region, offset.x, offset.y);
    copy.brush = i.region.brush.clone();
    copy.origin = mask::Origin::Manual;
    copy.state = mask::State::Accepted;
    const int id = nextId_++;
    items_.push_back({id, clampToImage(std::move(copy))});
    copies.insert(id);
  }
  selection_ = copies;
  touched();
}

void RegionDocument::moveSelected(int dx, int dy) {
  if (selection_.empty() || (dx == 0 && dy == 0)) return;
  checkpoint();
  for (auto& i : items_)
    if (selection_.count(i.id)) i.region = clampToImage(translated(i.region, dx, dy));
  touched();
}

void RegionDocument::resizeSelected(int dw, int dh) {
  if (selection_.empty()) return;
  checkpoint();
  for (auto& i : items_) {
    if (!selection_.count(i.id)) continue;
    Region& r = i.region;
    if (r.shape == Shape::Polygon) {
      // Scale vertices about the top-left of the bounds.
      const cv::Rect b = r.bounds();
      const double sx = std::max(1, b.width - 1 + dw) / double(std::max(1, b.width - 1));
      const double sy = std::max(1, b.height - 1 + dh) / double(std::max(1, b.height - 1));
      for (auto& p : r.points) p = {b.x + int(std::lround((p.x - b.x) * sx)), b.y + int(std::lround((p.y - b.y) * sy))};
    } else {
      r.box.width = std::clamp(r.box.width + dw, 1, size_.width - r.box.x);
      r.box.height = std::clamp(r.box.height + dh, 1, size_.height - r.box.y);
      if (r.shape == Shape::Brush) {
        cv::Mat1b grown(r.box.size(), uchar(0));
        const cv::Rect keep(0, 0, std::min(grown.cols, r.brush.cols), std::min(grown.rows, r.brush.rows));
        r.brush(keep).copyTo(grown(keep));
        r.brush = grown;
      }
    }
  }
  touched();
}

void RegionDocument::setStyleSelected(mask::Style style) {
  if (selection_.empty()) return;
  checkpoint();
  for (auto& i : items_)
    if (selection_.count(i.id)) i.region.style = style;
  touched();
}

void RegionDocument::setStateSelected(mask::State state) {
  if (selection_.empty()) return;
  checkpoint();
  for (auto& i : items_)
    if (selection_.count(i.id)) i.region.state = state;
  touched();
}

void RegionDocument::beginGesture() {
  if (!gesture_) gesture_ = Snapshot{items_, selection_};
}

void RegionDocument::gestureReplace(int id, Region region) {
  if (Item* item = findMutable(id)) {
    item->region = std::move(region);
    touched();
  }
}

void RegionDocument::endGesture() {
  if (!gesture_) return;
  bool changed = gesture_->items.size() != items_.size();
  for (std::size_t k = 0; !changed && k < items_.size(); ++k) {
    const Region &a = gesture_->items[k].region, &b = items_[k].region;
    changed = a.box != b.box || a.points != b.points || a.brush.data != b.brush.data;
  }
  if (changed) {
    undo_.push_back(std::move(*gesture_));
    if (undo_.size() > kMaxHistory) undo_.erase(undo_.begin());
    redo_.clear();
  }
  gesture_.reset();
}

bool RegionDocument::undo() {
  if (undo_.empty()) return false;
  redo_.push_back({items_, selection_});
  items_ = std::move(undo_.back().items);
  selection_ = std::move(undo_.back().selection);
  undo_.pop_back();
  touched();
  return true;
}

bool RegionDocument::redo() {
  if (redo_.empty()) return false;
  undo_.push_back({items_, selection_});
  items_ = std::move(redo_.back().items);
  selection_ = std::move(redo_.back().selection);
  redo_.pop_back();
  touched();
  return true;
}

}  // namespace medpics::review
