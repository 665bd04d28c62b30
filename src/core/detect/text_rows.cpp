// Multi-row text regions split at the ink gaps of their row profile, so that OCR reads one line at a time.
#include "medpics/detect/text_rows.hpp"

#include "medpics/detect/ink_mask.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace medpics::detect {
namespace {

struct Frame {  // the region laid horizontally: crop (u, v) -> image
  cv::Point2f tl, tr, br;
  float w = 0, h = 0;
  cv::Point2f at(float u, float v) const { return tl + (tr - tl) * (u / w) + (br - tr) * (v / h); }
  // The same frame turned about its centre so that crop rows follow a line of slope dv/du = `slope`.
  Frame turned(float slope) const {
    const float n = std::sqrt(1 + slope * slope);
    const cv::Point2f ex = (tr - tl) * (1 / w), ey = (br - tr) * (1 / h);
    const cv::Point2f ux = (ex + ey * slope) * (1 / n), uy = (ey - ex * slope) * (1 / n);
    const cv::Point2f c = at(w / 2, h / 2);
    const cv::Point2f tl2 = c - ux * (w / 2) - uy * (h / 2);
    return Frame{tl2, tl2 + ux * w, tl2 + ux * w + uy * h, w, h};
  }
};

Frame frameOf(const cv::RotatedRect& rect) {
  cv::Point2f pts[4];
  rect.points(pts);  // bottomLeft, topLeft, topRight, bottomRight
  Frame f{pts[1], pts[2], pts[3], rect.size.width, rect.size.height};
  if (rect.size.height > rect.size.width) f = Frame{pts[0], pts[1], pts[2], rect.size.height, rect.size.width};
  return f;
}

cv::Mat grayCrop(const cv::Mat& bgr, const Frame& f) {
  const cv::Point2f src[3] = {f.tl, f.tr, f.br};
  const cv::Point2f dst[3] = {{0, 0}, {f.w, 0}, {f.w, f.h}};
  cv::Mat crop, gray;
  cv::warpAffine(bgr, crop, cv::getAffineTransform(src, dst), cv::Size(int(f.w), int(f.h)), cv::INTER_LINEAR,
                 cv::BORDER_REPLICATE);
  cv::cvtColor(crop, gray, cv::COLOR_BGR2GRAY);
  return gray;
}

// inkSlope of a crop whose ink mask (ink_mask.hpp) is `bin`.
double slopeOfInk(const cv::Mat& bin) {
  if (bin.rows < 8 || bin.cols < 8) return 0.0;
  std::vector<cv::Point> ink;
  cv::findNonZero(bin, ink);
  if (ink.size() < 16) return 0.0;
  // the slope whose sheared row profile is sharpest (largest sum of squares): projection-profile skew estimation
  const double halfWidth = bin.cols / 2.0;
  const int margin = int(std::ceil(std::tan(3.0 * CV_PI / 180) * halfWidth)) + 1;
  std::vector<double> profile(std::size_t(bin.rows + 2 * margin));
  double best = -1, bestSlope = 0;
  for (int step = 0; step <= 24; ++step) {  // 0, +0.25, -0.25, +0.5... degrees: a tie keeps the smaller turn
    const double degrees = (step % 2 ? 1 : -1) * 0.25 * ((step + 1) / 2);
    const double slope = std::tan(degrees * CV_PI / 180);
    std::fill(profile.begin(), profile.end(), 0.0);
    for (const auto& p : ink) profile[std::size_t(std::lround(p.y - slope * (p.x - halfWidth)) + margin)] += 1;
    double score = 0;
    for (double v : profile) score += v * v;
    if (score > best * (1 + 1e-9)) {
      best = score;
      bestSlope = slope;
    }
  }
  return bestSlope;
}

// inkRows of a crop whose ink mask (ink_mask.hpp) is `bin`.
std::vector<std::pair<int, int>> rowsOfInk(const cv::Mat& bin) {
  std::vector<std::pair<int, int>> bands;
  if (bin.rows < 8 || bin.cols < 8) return {{0, bin.rows}};
  std::vector<double> p(std::size_t(bin.rows));
  for (int y = 0; y < bin.rows; ++y) p[std::size_t(y)] = cv::countNonZero(bin.row(y)) / double(bin.cols);
  const double peak = *std::max_element(p.begin(), p.end());
  if (peak <= 0) return {{0, bin.rows}};
  const double t = 0.12 * peak;
  for (int y = 0; y < bin.rows;) {
    if (p[std::size_t(y)] < t) {
      ++y;
      continue;
    }
    int e = y;
    while (e < bin.rows && p[std::size_t(e)] >= t) ++e;
    bands.emplace_back(y, e);
    y = e;
  }
  if (bands.size() < 2) return {{0, bin.rows}};
  int tallest = 0;
  for (const auto& b : bands) tallest = std::max(tallest, b.second - b.first);
  // accents, underlines and specks are not rows: merge small bands into their nearest neighbour
  std::vector<std::pair<int, int>> rows;
  for (const auto& b : bands)
    if (b.second - b.first >= std::max(3.0, 0.4 * tallest)) rows.push_back(b);
  if (rows.size() < 2) return {{0, bin.rows}};
  for (const auto& b : bands) {
    if (b.second - b.first >= std::max(3.0, 0.4 * tallest)) continue;
    auto nearest = std::min_element(rows.begin(), rows.end(), [&](const auto& a, const auto& c) {
      const int da = std::max(a.first - b.second, b.first - a.second),
                dc = std::max(c.first - b.second, b.first - c.second);
      return da < dc;
    });
    nearest->first = std::min(nearest->first, b.first);
    nearest->second = std::max(nearest->second, b.second);
  }
  // half of each gap goes to the rows on either side; the outer rows reach the crop's edges
  std::vector<std::pair<int, int>> out;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const int top = i == 0 ? 0 : (rows[i - 1].second + rows[i].first) / 2;
    const int bottom = i + 1 == rows.size() ? bin.rows : (rows[i].second + rows[i + 1].first) / 2;
    out.emplace_back(top, bottom);
  }
  return out;
}

}  // namespace

double inkSlope(const cv::Mat& gray) { return slopeOfInk(inkMask(gray)); }

std::vector<std::pair<int, int>> inkRows(const cv::Mat& gray) { return rowsOfInk(inkMask(gray)); }

std::vector<TextRegion> splitMultiRowRegions(const cv::Mat& bgr, const std::vector<TextRegion>& regions) {
  std::vector<TextRegion> out;
  out.reserve(regions.size());
  const cv::Rect bounds(0, 0, bgr.cols, bgr.rows);
  for (const auto& region : regions) {
    Frame f = frameOf(region.rect);
    if (f.h < 14 || f.w < 2 * f.h) {  // too small to hold two rows, or not a line
      out.push_back(region);
      continue;
    }
    const cv::Mat ink = inkMask(grayCrop(bgr, f));  // one binarisation for the rows and the slope
    auto rows = rowsOfInk(ink);
    if (rows.size() < 2) {
      // rows of a slightly rotated page in an upright box: along the box, the slope of the text closes the gap
      // between them (a 1.3 degree turn moves a 1600 px line by 37 px); read across again along the text's slope
      const double slope = slopeOfInk(ink);
      if (slope != 0.0) {
        const Frame turned = f.turned(float(slope));
        auto turnedRows = inkRows(grayCrop(bgr, turned));
        if (turnedRows.size() >= 2) {
          f = turned;
          rows = std::move(turnedRows);
        }
      }
    }
    if (rows.size() < 2) {
      out.push_back(region);
      continue;
    }
    for (const auto& [top, bottom] : rows) {
      const std::vector<cv::Point2f> corners{f.at(0, float(top)), f.at(f.w, float(top)), f.at(f.w, float(bottom)),
                                             f.at(0, float(bottom))};
      TextRegion r = region;
      r.rect = cv::minAreaRect(corners);
      r.box = cv::boundingRect(corners) & bounds;
      if (r.box.area() > 0) out.push_back(r);
    }
  }
  return out;
}

}  // namespace medpics::detect
