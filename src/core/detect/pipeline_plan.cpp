// Detector plan of one image: skin evidence at 256 px and the image kind decide the face passes.
#include "medpics/detect/pipeline_plan.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>

namespace medpics::detect {

FacePlan planFaces(const cv::Mat& bgr, ImageKind kind, const FaceOptions& base) {
  FacePlan plan;
  plan.options = plan.wholeImage = base;
  plan.wholeImage.maxTiles = 1;
  if (bgr.empty()) return plan;
  const double scale = std::min(1.0, 256.0 / std::max(bgr.cols, bgr.rows));
  cv::Mat small;
  if (scale < 1.0)
    cv::resize(bgr, small, {}, scale, scale, cv::INTER_AREA);
  else
    small = bgr;
  const cv::Mat skin = skinMask(small);
  const int skinPixels = cv::countNonZero(skin);
  plan.skin = skinPixels / double(skin.total());
  if (isPhotoKind(kind)) return plan;
  plan.secondOpinions = skinPixels > 0 || base.modelPath.empty();
  plan.tilesNeedCandidate = true;
  return plan;
}

bool runFaceTiles(const FacePlan& plan, const std::vector<FaceCandidate>& secondOpinions) {
  return !plan.tilesNeedCandidate || !secondOpinions.empty();
}

}  // namespace medpics::detect
