// Image ↔ screen transform of an image view: fit, zoom about a point with integer snapping above 1:1, pan.
#pragma once

namespace medpics::view {

struct Vec2 {
  double x = 0, y = 0;
};

class ViewTransform {
 public:
  static constexpr double kMaxZoom = 64.0;

  // The viewport is the screen rectangle the image is drawn in (origin + size, in screen pixels).
  void setViewport(Vec2 origin, Vec2 size);
  void setImageSize(int width, int height);

  void fit();                                    // whole image visible, centred
  void setZoom(double zoom, Vec2 screenPoint);   // keeps the image point under screenPoint fixed
  void zoomStep(int steps, Vec2 screenPoint);    // +1 / -1: next / previous zoom level (snapped)
  void zoomAt(double factor, Vec2 screenPoint);  // continuous factor (wheel), snapped above 1
  void oneToOne(Vec2 screenPoint);
  void pan(Vec2 screenDelta);
  void centreOn(Vec2 imagePoint);

  Vec2 toScreen(Vec2 image) const;
  Vec2 toImage(Vec2 screen) const;
  double zoom() const { return zoom_; }
  double fitZoom() const;
  Vec2 viewportOrigin() const { return origin_; }
  Vec2 viewportSize() const { return size_; }
  Vec2 offset() const { return offset_; }  // screen position of image pixel (0,0)

  // Zoom levels: continuous below 1 (down to the fit zoom), integers from 1 to 64.
  static double snap(double zoom);

 private:
  double minZoom() const;
  Vec2 origin_, size_{1, 1}, offset_;
  int width_ = 1, height_ = 1;
  double zoom_ = 1.0;
};

}  // namespace medpics::view
