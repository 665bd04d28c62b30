// Unread text findings inside a face's masked head box are dropped (dropUnreadTextUnderFaces).
#include "medpics/detect/face_cover.hpp"

#include <opencv2/core.hpp>

#include <algorithm>

namespace medpics::detect {

void dropUnreadTextUnderFaces(std::vector<Finding>& findings, double minInside) {
  std::vector<cv::Rect> heads;
  for (const auto& f : findings)
    if (f.kind == Kind::Face && f.phi && f.box) heads.emplace_back(f.box->x, f.box->y, f.box->w, f.box->h);
  if (heads.empty()) return;
  std::erase_if(findings, [&](const Finding& f) {
    if (f.kind != Kind::Text || !f.phi || f.category != "other-text" || !f.box || f.box->area() <= 0) return false;
    const cv::Rect box(f.box->x, f.box->y, f.box->w, f.box->h);
    return std::any_of(heads.begin(), heads.end(),
                       [&](const cv::Rect& h) { return (h & box).area() >= minInside * box.area(); });
  });
}

}  // namespace medpics::detect
