// Paper labels on a photo: small bright unsaturated rectangles with print inside that stand out from their surround.
#include "medpics/detect/text_regions.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace medpics::detect {
namespace {

constexpr int kWorkingSide = 1024;       // long side of the copy the labels are looked for on
constexpr int kMinPaperValue = 170;      // HSV value of paper (white or light grey)
constexpr int kMaxPaperSaturation = 50;  // and its saturation (skin is 60-150)
constexpr double kMinArea = 40;          // working pixels: a 62 x 35 px label of 8 px print on a 8 MP photo is ~240
constexpr double kMaxImageShare = 0.05;  // larger bright areas are a page, a sheet or a wall, not a label
constexpr double kMinRectangular = 0.8;  // filled area over its turned rectangle's
constexpr double kMinInk = 0.02;         // share of the label (full resolution) darker than its paper: its print
constexpr double kMaxInk = 0.5;
constexpr double kMaxPaperAround = 0.35;  // share of paper in a ring just outside it (it stands out)
constexpr int kRing = 3;                  // working pixels
constexpr int kInkContrast = 50;          // grey levels under the label's mean that count as print
constexpr int kBrighterPaper = 20;        // HSV value over a large paper area's median that makes a label on it

// Share of print inside a label, on the full-resolution image (at the working scale 8-11 px print is grey, not ink):
// pixels darker than the label's mean by kInkContrast, within its filled outline eroded by one working pixel.
double inkShare(const cv::Mat& bgr, const cv::Mat& filled, const cv::Rect& box, double s) {
  const cv::Rect full =
      cv::Rect(cv::Rect2d(box.x / s, box.y / s, box.width / s, box.height / s)) & cv::Rect(0, 0, bgr.cols, bgr.rows);
  if (full.empty()) return 0;
  cv::Mat gray, inner;
  cv::cvtColor(bgr(full), gray, cv::COLOR_BGR2GRAY);
  cv::resize(filled, inner, full.size(), 0, 0, cv::INTER_NEAREST);
  const int k = 2 * int(std::ceil(1 / s)) + 1;
  cv::erode(inner, inner, cv::getStructuringElement(cv::MORPH_RECT, {k, k}));
  const double area = cv::countNonZero(inner);
  if (area <= 0) return 0;
  cv::Mat dark;
  cv::compare(gray, cv::mean(gray, inner)[0] - kInkContrast, dark, cv::CMP_LT);
  cv::bitwise_and(dark, inner, dark);
  return cv::countNonZero(dark) / area;
}

// The labels among the outer shapes of `paper` (the working copy's paper mask, `small` its image) on `bgr`. A shape too
// large to be a label may be a sheet, a gown or a tube a label is stuck on: its part brighter than its own median by
// kBrighterPaper is looked into as paper in turn (a white label on a light grey tube, 250 on 215, made one shape with
// the tube, 8 % of a 12 MP photo, and its three 18 px lines were never refined).
void findLabels(const cv::Mat& bgr, const cv::Mat& small, const cv::Mat& value, const cv::Mat& paper, double s,
                bool lookInside, std::vector<cv::Rect>& labels) {
  std::vector<std::vector<cv::Point>> contours;
  cv::findContours(paper, contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
  const double imageArea = double(small.total());
  for (const auto& c : contours) {
    const double area = cv::contourArea(c);
    if (area < kMinArea) continue;
    const cv::Rect box = cv::boundingRect(c);
    cv::Mat filled = cv::Mat::zeros(box.size(), CV_8U);
    cv::drawContours(filled, std::vector<std::vector<cv::Point>>{c}, 0, 255, cv::FILLED, cv::LINE_8, cv::noArray(), 1,
                     -box.tl());
    if (area > kMaxImageShare * imageArea) {
      if (!lookInside) continue;
      std::vector<uchar> inside;
      for (int y = 0; y < box.height; ++y)
        for (int x = 0; x < box.width; ++x)
          if (filled.at<uchar>(y, x)) inside.push_back(value(box).at<uchar>(y, x));
      std::nth_element(inside.begin(), inside.begin() + long(inside.size() / 2), inside.end());
      cv::Mat brighter = cv::Mat::zeros(paper.size(), CV_8U);
      cv::Mat part = value(box) >= int(inside[inside.size() / 2]) + kBrighterPaper;
      part.copyTo(brighter(box), filled);
      findLabels(bgr, small, value, brighter, s, false, labels);
      continue;
    }
    const cv::RotatedRect turned = cv::minAreaRect(c);
    if (area < kMinRectangular * turned.size.area() || std::min(turned.size.width, turned.size.height) < 4) continue;
    const double ink = inkShare(bgr, filled, box, s);
    if (ink < kMinInk || ink > kMaxInk) continue;
    // the ring just outside the label: mostly not paper
    const cv::Rect around = cv::Rect(box.x - kRing, box.y - kRing, box.width + 2 * kRing, box.height + 2 * kRing) &
                            cv::Rect(0, 0, small.cols, small.rows);
    cv::Mat grown = cv::Mat::zeros(around.size(), CV_8U), ring;
    filled.copyTo(grown(box - around.tl()));
    cv::dilate(grown, ring, cv::getStructuringElement(cv::MORPH_RECT, {2 * kRing + 1, 2 * kRing + 1}));
    cv::bitwise_and(ring, ~grown, ring);
    const double ringArea = cv::countNonZero(ring);
    cv::Mat ringPaper;
    cv::bitwise_and(ring, paper(around), ringPaper);
    if (ringArea <= 0 || cv::countNonZero(ringPaper) > kMaxPaperAround * ringArea) continue;
    const cv::Rect2d full(box.x / s, box.y / s, box.width / s, box.height / s);
    labels.push_back(cv::Rect(full) & cv::Rect(0, 0, bgr.cols, bgr.rows));
  }
}

}  // namespace

std::vector<cv::Rect> paperLabels(const cv::Mat& bgr) {
  if (bgr.empty()) return {};
  const double s = std::min(1.0, double(kWorkingSide) / std::max(bgr.cols, bgr.rows));
  cv::Mat small, hsv, paper;
  cv::resize(bgr, small, {}, s, s, cv::INTER_AREA);
  cv::cvtColor(small, hsv, cv::COLOR_BGR2HSV);
  cv::inRange(hsv, cv::Scalar(0, 0, kMinPaperValue), cv::Scalar(180, kMaxPaperSaturation, 255), paper);
  cv::Mat value;
  cv::extractChannel(hsv, value, 2);
  std::vector<cv::Rect> labels;
  findLabels(bgr, small, value, paper, s, true, labels);
  return labels;
}

}  // namespace medpics::detect
