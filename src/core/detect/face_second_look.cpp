// A second look at the face boxes one detector gave weakly: BlazeFace on a square around each, or the box is to check.
#include "medpics/detect/face_cover.hpp"
#include "medpics/detect/faces.hpp"
#include "medpics/detect/text_context.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace medpics::detect {
namespace {

constexpr double kLookSide = 2.2;    // side of the square looked at, in head box long sides
constexpr float kSecondLook = 0.6f;  // least score of a face centred in that square
constexpr float kCentred = 0.3f;     // a face counts when its centre is this fraction of the side from the centre
constexpr float kLookThreshold = 0.3f;
constexpr int kLookCopy = 512;  // long side of the copy looked at, at most

// Best BlazeFace score of a face centred in the square of kLookSide head sides around `head` (black past the image).
float secondLookScore(const cv::Mat& bgr, const Box& head, const std::string& modelPath) {
  const int side = std::max(8, int(std::lround(kLookSide * std::max(head.w, head.h))));
  const cv::Rect square(head.x + head.w / 2 - side / 2, head.y + head.h / 2 - side / 2, side, side);
  const cv::Rect inside = square & cv::Rect(0, 0, bgr.cols, bgr.rows);
  // (built at most kLookCopy px wide: the network sees 256 px, and a head box over a whole 12 MP photo would make a
  // square of 170 MB)
  const double f = std::min(1.0, double(kLookCopy) / side);
  const int copy = std::max(8, int(std::lround(side * f)));
  cv::Mat crop(copy, copy, CV_8UC3, cv::Scalar::all(0));
  const cv::Rect to = cv::Rect(int((inside.x - square.x) * f), int((inside.y - square.y) * f),
                               int(std::lround(inside.width * f)), int(std::lround(inside.height * f))) &
                      cv::Rect(0, 0, copy, copy);
  if (inside.area() > 0 && to.area() > 0) {
    cv::Mat into = crop(to);
    cv::resize(bgr(inside), into, to.size(), 0, 0, cv::INTER_AREA);
  }
  float best = 0.f;
  for (const FaceCandidate& c : blazeFaceSquare(crop, modelPath, kLookThreshold)) {
    const float dx = c.box.x + c.box.width / 2 - copy / 2.f, dy = c.box.y + c.box.height / 2 - copy / 2.f;
    if (std::abs(dx) < kCentred * copy && std::abs(dy) < kCentred * copy) best = std::max(best, c.score);
  }
  return best;
}

}  // namespace

std::vector<Finding> FaceDetector::withSecondLook(std::vector<Finding> faces, const cv::Mat& bgr) const {
  if (!networkAvailable() || bgr.empty() || bgr.type() != CV_8UC3) return faces;
  for (Finding& f : faces) {
    const bool single = f.detector.find('+') == std::string::npos;
    if (f.kind != Kind::Face || !f.phi || !f.box || !single || f.confidence >= kSureFace) continue;
    if (secondLookScore(bgr, *f.box, options_.modelPath) >= kSecondLook) continue;
    f.category = kToCheckCategory;
    f.phi = false;
  }
  return faces;
}

}  // namespace medpics::detect
