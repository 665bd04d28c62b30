// Uncertain multi-row text already read row by row by finer findings (readRowByRow).
#include "medpics/detect/text_rows_read.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace medpics::detect {

double lineHeight(const Finding& f) {
  if (f.polygon.size() >= 3) {
    std::vector<cv::Point2f> pts;
    for (const auto& p : f.polygon) pts.emplace_back(float(p[0]), float(p[1]));
    const cv::RotatedRect r = cv::minAreaRect(pts);
    return std::min(r.size.width, r.size.height);
  }
  return f.box ? f.box->h : 0.0;
}

std::vector<cv::Point> outlineCorners(const Finding& f) {
  std::vector<cv::Point> pts;
  for (const auto& p : f.polygon) pts.emplace_back(p[0], p[1]);
  if (pts.size() < 3) {
    const Box& b = *f.box;
    pts = {{b.x, b.y}, {b.x + b.w - 1, b.y}, {b.x + b.w - 1, b.y + b.h - 1}, {b.x, b.y + b.h - 1}};
  }
  return pts;
}

namespace {

// Draws a finding's outline (polygon when given, else box) into `mask`, whose origin is `origin` in image pixels.
void drawOutline(cv::Mat& mask, const Finding& f, cv::Point origin) {
  if (f.polygon.size() >= 3) {
    std::vector<cv::Point> pts;
    for (const auto& p : f.polygon) pts.emplace_back(p[0] - origin.x, p[1] - origin.y);
    cv::fillPoly(mask, std::vector<std::vector<cv::Point>>{pts}, cv::Scalar(255));
  } else {
    cv::rectangle(mask, cv::Rect(f.box->x - origin.x, f.box->y - origin.y, f.box->w, f.box->h), cv::Scalar(255),
                  cv::FILLED);
  }
}
}  // namespace

bool readRowByRow(const std::vector<Finding>& findings, std::size_t i, double minCoverage) {
  if (i >= findings.size() || !findings[i].box || findings[i].box->w <= 0 || findings[i].box->h <= 0) return false;
  const Finding& coarse = findings[i];
  const cv::Rect area(coarse.box->x, coarse.box->y, coarse.box->w, coarse.box->h);
  const double height = lineHeight(coarse);
  cv::Mat covered = cv::Mat::zeros(area.size(), CV_8UC1);
  std::vector<double> centres, heights;
  for (std::size_t k = 0; k < findings.size(); ++k) {
    const Finding& f = findings[k];
    if (k == i || f.kind != Kind::Text || !f.box) continue;
    const cv::Rect box(f.box->x, f.box->y, f.box->w, f.box->h);
    if ((box & area).area() < 0.5 * box.area()) continue;  // a line of this region, not a neighbour
    const double h = lineHeight(f);
    if (h <= 0 || h > 0.75 * height) continue;    // a finer line, not another coarse region
    if (!f.phi && f.confidence < 0.6f) continue;  // shown only ("to-check") or read badly
    drawOutline(covered, f, area.tl());
    centres.push_back(box.y + box.height / 2.0);
    heights.push_back(h);
  }
  if (centres.size() < 2) return false;
  // two rows at least: centres further apart than half a line
  const auto [lo, hi] = std::minmax_element(centres.begin(), centres.end());
  const double minHeight = *std::min_element(heights.begin(), heights.end());
  if (*hi - *lo < 0.5 * minHeight) return false;
  return cv::countNonZero(covered) >= minCoverage * area.area();
}

}  // namespace medpics::detect
