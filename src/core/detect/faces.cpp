// Face detector facade: runs BlazeFace tiles and the second opinions, merges them, and widens each face to the head.
#include "medpics/detect/faces.hpp"

#include "medpics/detect/models.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>

namespace medpics::detect {
namespace {

float overlapRatio(const cv::Rect2f& a, const cv::Rect2f& b) {
  const float inter = (a & b).area();
  if (inter <= 0) return 0.f;
  const float iou = inter / (a.area() + b.area() - inter);
  const float containment = inter / std::min(a.area(), b.area());
  return std::max(iou, containment > 0.7f ? containment : 0.f);
}

// Fraction of skin-coloured pixels (YCrCb box) in a region; weak detectors need some skin to count.
float skinFraction(const cv::Mat& bgr, const cv::Rect2f& box) {
  const cv::Rect r = cv::Rect(box) & cv::Rect(0, 0, bgr.cols, bgr.rows);
  if (r.area() <= 0) return 0.f;
  cv::Mat small;
  cv::resize(bgr(r), small, {32, 32}, 0, 0, cv::INTER_AREA);
  const cv::Mat mask = skinMask(small);
  return float(cv::countNonZero(mask)) / float(mask.total());
}

}  // namespace

cv::Mat skinMask(const cv::Mat& bgr) {
  cv::Mat ycrcb, mask;
  cv::cvtColor(bgr, ycrcb, cv::COLOR_BGR2YCrCb);
  cv::inRange(ycrcb, cv::Scalar(30, 133, 77), cv::Scalar(255, 180, 130), mask);
  return mask;
}

std::vector<Finding> mergeFaces(const std::vector<FaceCandidate>& input, cv::Size imageSize, const FaceOptions& o) {
  std::vector<FaceCandidate> candidates = input;
  std::sort(candidates.begin(), candidates.end(), [](const auto& a, const auto& b) { return a.score > b.score; });
  struct Group {
    FaceCandidate best;
    std::vector<std::string> sources;
  };
  std::vector<Group> groups;
  for (const auto& c : candidates) {
    auto it = std::find_if(groups.begin(), groups.end(),
                           [&](const Group& g) { return overlapRatio(g.best.box, c.box) > 0.3f; });
    if (it == groups.end()) {
      groups.push_back({c, {c.source}});
    } else if (std::find(it->sources.begin(), it->sources.end(), c.source) == it->sources.end()) {
      it->sources.push_back(c.source);
      it->best.score = std::min(0.99f, it->best.score + 0.1f);  // agreement of two detectors raises confidence
    }
  }
  std::vector<Finding> out;
  const cv::Rect2f bounds(0, 0, float(imageSize.width), float(imageSize.height));
  for (const auto& g : groups) {
    const cv::Rect2f& b = g.best.box;
    const float cx = b.x + b.width / 2, cy = b.y + b.height / 2 - o.headShiftUp * b.height;
    const float w = b.width * o.headScaleW, h = b.height * o.headScaleH;
    const cv::Rect2f head = cv::Rect2f(cx - w / 2, cy - h / 2, w, h) & bounds;
    if (head.area() <= 0) continue;
    Finding f;
    f.kind = Kind::Face;
    f.category = "face";
    f.phi = true;
    const int x0 = int(std::floor(head.x)), y0 = int(std::floor(head.y));
    f.box = Box{x0, y0, int(std::ceil(head.x + head.width)) - x0, int(std::ceil(head.y + head.height)) - y0};
    f.confidence = g.best.score;
    std::string detectors;
    for (const auto& s : g.sources) detectors += (detectors.empty() ? "" : "+") + s;
    f.detector = detectors;
    f.detectorVersion = "1";
    out.push_back(std::move(f));
  }
  return out;
}

FaceDetector::FaceDetector(FaceOptions options) : options_(std::move(options)) {
  if (options_.modelPath.empty()) options_.modelPath = findModel(kBlazeFaceModel);
}

std::vector<FaceCandidate> FaceDetector::networkCandidates(const cv::Mat& bgr, const util::CancelToken& cancel) const {
  return blazeFaceTiles(bgr, options_, cancel);
}

std::vector<FaceCandidate> FaceDetector::secondOpinionCandidates(const cv::Mat& bgr,
                                                                 const util::CancelToken& cancel) const {
  std::vector<FaceCandidate> candidates;
  auto addChecked = [&](std::vector<FaceCandidate> extra, float minSkin) {
    for (auto& c : extra)
      if (skinFraction(bgr, c.box) >= minSkin) candidates.push_back(std::move(c));
  };
  if ((options_.hog || !networkAvailable()) && !cancel.cancelled())
    addChecked(hogFaces(bgr, options_.secondOpinionSide), 0.15f);
  if (options_.profileCascade && !cancel.cancelled()) addChecked(profileFaces(bgr, options_.profileSide), 0.3f);
  return candidates;
}

std::vector<Finding> FaceDetector::merge(const std::vector<FaceCandidate>& candidates, cv::Size imageSize) const {
  return mergeFaces(candidates, imageSize, options_);
}

std::vector<Finding> FaceDetector::detect(const cv::Mat& bgr, const util::CancelToken& cancel) const {
  std::vector<FaceCandidate> candidates = networkCandidates(bgr, cancel);
  const auto extra = secondOpinionCandidates(bgr, cancel);
  candidates.insert(candidates.end(), extra.begin(), extra.end());
  if (cancel.cancelled()) return {};
  return merge(candidates, bgr.size());
}

}  // namespace medpics::detect
