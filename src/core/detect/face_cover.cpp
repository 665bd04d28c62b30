// Findings beside a masked face: unread text inside its head box dropped, skin-ink marks on its shoulders to check.
#include "medpics/detect/face_cover.hpp"

#include "medpics/detect/text_context.hpp"

#include <opencv2/core.hpp>

#include <algorithm>

namespace medpics::detect {
namespace {

std::vector<cv::Rect> faceBoxes(const std::vector<Finding>& findings, float minConfidence = 0.f) {
  std::vector<cv::Rect> heads;
  for (const auto& f : findings)
    if (f.kind == Kind::Face && f.phi && f.box && f.confidence >= minConfidence)
      heads.emplace_back(f.box->x, f.box->y, f.box->w, f.box->h);
  return heads;
}

}  // namespace

void dropUnreadTextUnderFaces(std::vector<Finding>& findings, double minInside) {
  const std::vector<cv::Rect> heads = faceBoxes(findings);
  if (heads.empty()) return;
  std::erase_if(findings, [&](const Finding& f) {
    if (f.kind != Kind::Text || !f.phi || f.category != "other-text" || !f.box || f.box->area() <= 0) return false;
    const cv::Rect box(f.box->x, f.box->y, f.box->w, f.box->h);
    return std::any_of(heads.begin(), heads.end(),
                       [&](const cv::Rect& h) { return (h & box).area() >= minInside * box.area(); });
  });
}

void reviewTattoosBesideFaces(std::vector<Finding>& findings, double minInside) {
  std::vector<cv::Rect> zones;
  for (const cv::Rect& h : faceBoxes(findings, kSureFace))
    zones.emplace_back(h.x - h.width, h.y - h.height, 3 * h.width, h.height * 7 / 2);
  for (Finding& f : findings) {
    if (f.kind != Kind::Tattoo || !f.phi || !f.box || f.box->area() <= 0) continue;
    const cv::Rect box(f.box->x, f.box->y, f.box->w, f.box->h);
    if (std::none_of(zones.begin(), zones.end(),
                     [&](const cv::Rect& z) { return (z & box).area() >= minInside * box.area(); }))
      continue;
    f.category = kToCheckCategory;
    f.phi = false;
  }
}

}  // namespace medpics::detect
