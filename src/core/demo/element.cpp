// Ground-truth element geometry: corners, affine maps and moves that keep the outline of a rotated element.
#include "medpics/demo/types.hpp"

#include <opencv2/core.hpp>

#include <algorithm>
#include <cmath>

namespace medpics::synth {

std::vector<cv::Point2f> cornersOf(const Element& e) {
  if (!e.outline.empty()) return e.outline;
  const cv::Rect& b = e.box;
  return {cv::Point2f(float(b.x), float(b.y)), cv::Point2f(float(b.br().x), float(b.y)),
          cv::Point2f(float(b.br().x), float(b.br().y)), cv::Point2f(float(b.x), float(b.br().y))};
}

void transformElement(Element& e, const cv::Mat& m, const cv::Rect& bounds) {
  std::vector<cv::Point2f> corners = cornersOf(e);
  cv::transform(corners, corners, m);
  float x0 = corners[0].x, y0 = corners[0].y, x1 = x0, y1 = y0;
  for (const auto& p : corners)
    x0 = std::min(x0, p.x), y0 = std::min(y0, p.y), x1 = std::max(x1, p.x), y1 = std::max(y1, p.y);
  e.box =
      cv::Rect(cv::Point(int(std::floor(x0)), int(std::floor(y0))), cv::Point(int(std::ceil(x1)), int(std::ceil(y1)))) &
      bounds;
  // a pure translation or scaling keeps an upright element upright (no outline needed)
  const bool turned = std::abs(m.at<double>(0, 1)) > 1e-9 || std::abs(m.at<double>(1, 0)) > 1e-9;
  if (turned || !e.outline.empty()) e.outline = corners;
}

void moveElement(Element& e, cv::Point offset, const cv::Rect& bounds) {
  e.box = (e.box + offset) & bounds;
  for (auto& p : e.outline) p += cv::Point2f(float(offset.x), float(offset.y));
}

}  // namespace medpics::synth
