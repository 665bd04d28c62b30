// Detector plan of one image: skin evidence at 256 px and the image kind decide the face passes.
#include "medpics/detect/pipeline_plan.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>

namespace medpics::detect {

FacePlan planFaces(const cv::Mat& bgr, ImageKind kind, const FaceOptions& base) {
  FacePlan plan;
  plan.options = base;
  if (bgr.empty()) return plan;
  const double scale = std::min(1.0, 256.0 / std::max(bgr.cols, bgr.rows));
  cv::Mat small, ycrcb, hsv, skin, saturated;
  if (scale < 1.0)
    cv::resize(bgr, small, {}, scale, scale, cv::INTER_AREA);
  else
    small = bgr;
  cv::cvtColor(small, ycrcb, cv::COLOR_BGR2YCrCb);
  cv::inRange(ycrcb, cv::Scalar(30, 133, 77), cv::Scalar(255, 180, 130), skin);  // as faces.cpp's skinFraction
  cv::cvtColor(small, hsv, cv::COLOR_BGR2HSV);
  cv::inRange(hsv, cv::Scalar(0, 45, 50), cv::Scalar(180, 255, 255), saturated);  // as gateFaces
  const double total = double(skin.total());
  const int skinPixels = cv::countNonZero(skin);
  plan.skin = skinPixels / total;
  plan.saturatedSkin = cv::countNonZero(skin & saturated) / total;
  if (isPhotoKind(kind)) return plan;
  plan.secondOpinions = skinPixels > 0 || base.modelPath.empty();
  plan.networkTiles = plan.saturatedSkin >= 0.002;
  if (!plan.networkTiles) plan.options.maxTiles = 1;
  return plan;
}

}  // namespace medpics::detect
