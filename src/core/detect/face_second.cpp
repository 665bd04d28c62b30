// Second-opinion face detectors for recall: dlib HOG (frontal) and OpenCV's Haar profile cascade (both directions).
#include "medpics/detect/faces.hpp"

#include <dlib/image_processing/frontal_face_detector.h>
#include <dlib/opencv/cv_image.h>
#include <opencv2/imgproc.hpp>
#include <opencv2/objdetect.hpp>

#include <filesystem>

namespace medpics::detect {
namespace {

double workingScale(const cv::Mat& bgr, int workingSide) {
  const int longSide = std::max(bgr.cols, bgr.rows);
  return longSide > workingSide ? double(workingSide) / longSide : 1.0;
}

cv::Mat downscaledGray(const cv::Mat& bgr, double scale) {
  cv::Mat gray, small;
  cv::cvtColor(bgr, gray, cv::COLOR_BGR2GRAY);
  if (scale < 1.0)
    cv::resize(gray, small, {}, scale, scale, cv::INTER_AREA);
  else
    small = gray;
  return small;
}

}  // namespace

std::vector<FaceCandidate> hogFaces(const cv::Mat& bgr, int workingSide) {
  thread_local dlib::frontal_face_detector detector = dlib::get_frontal_face_detector();
  const double scale = workingScale(bgr, workingSide);
  cv::Mat gray = downscaledGray(bgr, scale);
  dlib::cv_image<unsigned char> image(gray);
  std::vector<std::pair<double, dlib::rectangle>> dets;
  detector(image, dets, 0.0);
  std::vector<FaceCandidate> out;
  for (const auto& [score, r] : dets) {
    const float conf = float(std::clamp(0.6 + 0.2 * score, 0.3, 0.95));
    out.push_back({cv::Rect2f(float(r.left() / scale), float(r.top() / scale), float(r.width() / scale),
                              float(r.height() / scale)),
                   conf, "dlib-hog"});
  }
  return out;
}

std::vector<FaceCandidate> profileFaces(const cv::Mat& bgr, int workingSide) {
  static const std::string path = "/usr/share/opencv4/haarcascades/haarcascade_profileface.xml";
  thread_local cv::CascadeClassifier cascade;
  thread_local bool loaded = std::filesystem::exists(path) && cascade.load(path);
  std::vector<FaceCandidate> out;
  if (!loaded) return out;
  const double scale = workingScale(bgr, workingSide);
  cv::Mat gray = downscaledGray(bgr, scale);
  cv::equalizeHist(gray, gray);
  for (int pass = 0; pass < 2; ++pass) {
    cv::Mat img = gray;
    if (pass == 1) cv::flip(gray, img, 1);
    std::vector<cv::Rect> rects;
    std::vector<int> levels;
    std::vector<double> weights;
    cascade.detectMultiScale(img, rects, levels, weights, 1.15, 6, 0, cv::Size(36, 36), cv::Size(), true);
    for (std::size_t i = 0; i < rects.size(); ++i) {
      cv::Rect r = rects[i];
      if (pass == 1) r.x = img.cols - r.x - r.width;
      const float conf = float(std::clamp(0.4 + 0.1 * weights[i], 0.3, 0.8));
      out.push_back(
          {cv::Rect2f(float(r.x / scale), float(r.y / scale), float(r.width / scale), float(r.height / scale)), conf,
           "haar-profile"});
    }
  }
  return out;
}

}  // namespace medpics::detect
