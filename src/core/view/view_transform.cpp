// ViewTransform implementation.
#include "medpics/view/view_transform.hpp"

#include <algorithm>
#include <cmath>

namespace medpics::view {

void ViewTransform::setViewport(Vec2 origin, Vec2 size) {
  // Keep the image point at the viewport centre where it was when the viewport moves or resizes.
  const Vec2 centre = toImage({origin_.x + size_.x / 2, origin_.y + size_.y / 2});
  origin_ = origin;
  size_ = {std::max(1.0, size.x), std::max(1.0, size.y)};
  centreOn(centre);
}

void ViewTransform::setImageSize(int width, int height) {
  width_ = std::max(1, width);
  height_ = std::max(1, height);
  fit();
}

double ViewTransform::fitZoom() const { return std::min(size_.x / width_, size_.y / height_); }

double ViewTransform::minZoom() const { return std::min(1.0, fitZoom()); }

void ViewTransform::fit() {
  // Small images fit at the largest integer zoom: pixel-exact, like every zoom above 1.
  zoom_ = fitZoom() >= 1.0 ? std::min(kMaxZoom, std::floor(fitZoom())) : fitZoom();
  centreOn({width_ / 2.0, height_ / 2.0});
}

double ViewTransform::snap(double zoom) {
  if (zoom >= 1.0) return std::clamp(std::round(zoom), 1.0, kMaxZoom);
  return zoom;
}

void ViewTransform::setZoom(double zoom, Vec2 screenPoint) {
  const Vec2 anchor = toImage(screenPoint);
  zoom_ = std::clamp(snap(zoom), minZoom(), kMaxZoom);
  offset_ = {screenPoint.x - anchor.x * zoom_, screenPoint.y - anchor.y * zoom_};
}

void ViewTransform::zoomAt(double factor, Vec2 screenPoint) {
  double target = zoom_ * factor;
  // Crossing 1:1 in either direction stops at exactly 1 so that 1:1 is always reachable.
  if ((zoom_ < 1.0 && target > 1.0) || (zoom_ > 1.0 && target < 1.0)) target = 1.0;
  if (zoom_ >= 1.0 && target > zoom_ && snap(target) == zoom_) target = zoom_ + 1;
  if (zoom_ > 1.0 && target < zoom_ && snap(target) == zoom_) target = zoom_ - 1;
  setZoom(target, screenPoint);
}

void ViewTransform::zoomStep(int steps, Vec2 screenPoint) {
  double z = zoom_;
  for (int i = 0; i < std::abs(steps); ++i) {
    if (steps > 0)
      z = z < 1.0 ? std::min(1.0, z * 1.25) : std::min(kMaxZoom, z < 8 ? z + 1 : z * 2);
    else
      z = z > 1.0 ? (z <= 8 ? z - 1 : z / 2) : z / 1.25;
  }
  setZoom(z, screenPoint);
}

void ViewTransform::oneToOne(Vec2 screenPoint) { setZoom(1.0, screenPoint); }

void ViewTransform::pan(Vec2 d) { offset_ = {offset_.x + d.x, offset_.y + d.y}; }

void ViewTransform::centreOn(Vec2 p) {
  offset_ = {origin_.x + size_.x / 2 - p.x * zoom_, origin_.y + size_.y / 2 - p.y * zoom_};
}

Vec2 ViewTransform::toScreen(Vec2 image) const { return {offset_.x + image.x * zoom_, offset_.y + image.y * zoom_}; }

Vec2 ViewTransform::toImage(Vec2 screen) const {
  return {(screen.x - offset_.x) / zoom_, (screen.y - offset_.y) / zoom_};
}

}  // namespace medpics::view
