// A swarm of single-detector face boxes over a close-up of skin: boxes that look like the rest of the image go.
#include "medpics/detect/faces.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>

namespace medpics::detect {
namespace {

constexpr std::size_t kSwarm = 4;     // single-detector face boxes on one image from which they are checked
constexpr double kSkinShare = 0.8;    // share of skin-coloured pixels of a close-up of skin (a crowd shows clothes)
constexpr int kStatsSide = 512;       // long side of the copy the colour statistics are taken on
constexpr double kMeanApart = 1.0;    // a face's head box: its mean colour this many image deviations from the image's
constexpr double kSpreadApart = 1.5;  // or its lightness spread this many times the image's (eyes, hair, background)
constexpr float kSure = 0.9f;         // a box this confident is kept whatever it holds

}  // namespace

std::vector<Finding> withoutTextureSwarm(std::vector<Finding> faces, const cv::Mat& bgr) {
  const auto single = [](const Finding& f) { return f.box && f.detector.find('+') == std::string::npos; };
  if (bgr.empty() || std::size_t(std::count_if(faces.begin(), faces.end(), single)) < kSwarm) return faces;
  const double s = std::min(1.0, double(kStatsSide) / std::max(bgr.cols, bgr.rows));
  cv::Mat small, lab;
  cv::resize(bgr, small, {}, s, s, cv::INTER_AREA);
  const cv::Mat skin = skinMask(small);
  if (cv::countNonZero(skin) < kSkinShare * double(skin.total())) return faces;
  cv::cvtColor(small, lab, cv::COLOR_BGR2Lab);
  cv::Scalar imageMean, imageSpread;
  cv::meanStdDev(lab, imageMean, imageSpread);
  const cv::Rect bounds(0, 0, lab.cols, lab.rows);
  std::erase_if(faces, [&](const Finding& f) {
    if (!single(f) || f.confidence >= kSure) return false;
    const cv::Rect r = cv::Rect(cv::Rect2d(f.box->x * s, f.box->y * s, f.box->w * s, f.box->h * s)) & bounds;
    if (r.area() < 4) return false;
    cv::Scalar mean, spread;
    cv::meanStdDev(lab(r), mean, spread);
    double apart = 0;
    for (int c = 0; c < 3; ++c)
      apart = std::max(apart, std::abs(mean[c] - imageMean[c]) / std::max(1.0, imageSpread[c]));
    return apart < kMeanApart && spread[0] < kSpreadApart * std::max(1.0, imageSpread[0]);
  });
  return faces;
}

}  // namespace medpics::detect
