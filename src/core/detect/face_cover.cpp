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

void reviewBesideSureFaces(std::vector<Finding>& findings, double minInside) {
  struct Zone {
    cv::Rect area;
    int faceWidth;
  };
  std::vector<Zone> zones;
  for (const cv::Rect& h : faceBoxes(findings, kSureFace))
    zones.push_back({cv::Rect(h.x - h.width, h.y - h.height, 3 * h.width, h.height * 7 / 2), h.width});
  for (Finding& f : findings) {
    if (!f.phi || !f.box || f.box->area() <= 0) continue;
    const bool weakFace = f.kind == Kind::Face && f.confidence < kWeakFace && f.detector.find('+') == std::string::npos;
    if (f.kind != Kind::Tattoo && !weakFace) continue;
    const cv::Rect box(f.box->x, f.box->y, f.box->w, f.box->h);
    const bool beside = std::any_of(zones.begin(), zones.end(), [&](const Zone& z) {
      return (z.area & box).area() >= minInside * box.area() && (!weakFace || 2 * box.width < z.faceWidth);
    });
    if (!beside) continue;
    f.category = kToCheckCategory;
    f.phi = false;
  }
}

}  // namespace medpics::detect
