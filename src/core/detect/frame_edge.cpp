// Rows of print cut by the image's top or bottom edge beside an identity header or footer (rowsCutByFrame).
#include "medpics/detect/frame_edge.hpp"

#include "medpics/detect/ink_mask.hpp"
#include "medpics/detect/text_context.hpp"
#include "medpics/detect/text_rows_read.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <climits>
#include <cmath>

namespace medpics::detect {
namespace {

constexpr double kMinInkContrast = 30;  // print, even 8 px after JPEG q35 (ink_mask.hpp)
constexpr double kMinInkColumns = 0.3;  // fraction of the cut row's extent whose columns hold ink
constexpr double kPrintShare = 0.5;     // cut glyphs reach half as far from the paper as the block's print at least

// Image rows as seen from one edge: distance from the top edge (top) or from the bottom edge.
struct Edge {
  bool top;
  int rows;
  int depth(int y) const { return top ? y : rows - y; }
};

int nearestDepth(const Finding& f, const Edge& edge) {
  int d = edge.rows;
  for (const cv::Point& p : outlineCorners(f)) d = std::min(d, std::max(0, edge.depth(p.y)));
  return d;
}

// The median grey level of a crop (its paper: print is the minority).
double medianLevel(const cv::Mat& gray) {
  int hist[256] = {};
  for (int y = 0; y < gray.rows; ++y)
    for (int x = 0; x < gray.cols; ++x) ++hist[gray.at<uchar>(y, x)];
  const long long half = (long long)gray.total() / 2;
  long long seen = 0;
  for (int v = 0; v < 256; ++v)
    if ((seen += hist[v]) > half) return v;
  return 255;
}

// How far from `paper` the print of `gray` reaches: the grey-level distance exceeded by the `share` of its pixels
// (within `mask` when given) farthest from the paper.
double farthestFromPaper(const cv::Mat& gray, double paper, double share, const cv::Mat& mask = {}) {
  int hist[256] = {};
  long long total = 0;
  for (int y = 0; y < gray.rows; ++y)
    for (int x = 0; x < gray.cols; ++x)
      if (mask.empty() || mask.at<uchar>(y, x)) {
        ++hist[int(std::lround(std::abs(gray.at<uchar>(y, x) - paper)))];
        ++total;
      }
  long long seen = 0;
  for (int d = 255; d > 0; --d)
    if ((seen += hist[d]) >= share * double(total)) return d;
  return 0;
}

struct Cluster {
  int x0, x1;                            // extent along the edge, one line height beyond each end
  double height;                         // the tallest line's height
  bool phi = false;                      // holds a masked PHI line
  int phiX0 = INT_MAX, phiX1 = INT_MIN;  // extent of its PHI lines that reach within half a line height of the edge
};

// The blocks of text lines near one edge: lines whose outline comes within three line heights of it, grouped where
// their extents overlap.
std::vector<Cluster> blocksNear(const std::vector<Finding>& findings, const Edge& edge) {
  std::vector<Cluster> lines;
  for (const Finding& f : findings) {
    if (f.kind != Kind::Text || !f.box) continue;
    const double h = lineHeight(f);
    if (h <= 0 || nearestDepth(f, edge) > 3 * h) continue;
    const int margin = int(std::ceil(h));
    const bool phi = f.phi && f.category != kToCheckCategory;
    lines.push_back({f.box->x - margin, f.box->x + f.box->w + margin, h, phi});
    if (phi && nearestDepth(f, edge) <= h / 2) {
      lines.back().phiX0 = f.box->x;
      lines.back().phiX1 = f.box->x + f.box->w;
    }
  }
  std::sort(lines.begin(), lines.end(), [](const Cluster& a, const Cluster& b) { return a.x0 < b.x0; });
  std::vector<Cluster> blocks;
  for (const Cluster& c : lines) {
    if (!blocks.empty() && c.x0 <= blocks.back().x1) {
      Cluster& b = blocks.back();
      b.x1 = std::max(b.x1, c.x1);
      b.height = std::max(b.height, c.height);
      b.phi = b.phi || c.phi;
      b.phiX0 = std::min(b.phiX0, c.phiX0);
      b.phiX1 = std::max(b.phiX1, c.phiX1);
    } else {
      blocks.push_back(c);
    }
  }
  return blocks;
}

// Pieces of glyphs cut by the edge: ink components of `ink` (the band along the edge) that touch the edge's row.
struct EdgePiece {
  int x0, x1, depth;
};

std::vector<EdgePiece> edgePieces(const cv::Mat& ink, const Edge& edge) {
  cv::Mat labels, stats, centroids;
  const int n = cv::connectedComponentsWithStats(ink, labels, stats, centroids, 8);
  std::vector<EdgePiece> pieces;
  for (int i = 1; i < n; ++i) {
    const int top = stats.at<int>(i, cv::CC_STAT_TOP), height = stats.at<int>(i, cv::CC_STAT_HEIGHT);
    const bool touches = edge.top ? top == 0 : top + height == ink.rows;
    if (!touches) continue;
    const int x = stats.at<int>(i, cv::CC_STAT_LEFT);
    pieces.push_back({x, x + stats.at<int>(i, cv::CC_STAT_WIDTH), edge.top ? top + height : ink.rows - top});
  }
  std::sort(pieces.begin(), pieces.end(), [](const EdgePiece& a, const EdgePiece& b) { return a.x0 < b.x0; });
  return pieces;
}

std::vector<Finding> stripsAlong(const std::vector<Finding>& findings, const cv::Mat& gray, const Edge& edge) {
  std::vector<Finding> out;
  for (const Cluster& b : blocksNear(findings, edge)) {
    if (!b.phi) continue;
    // the band along the whole edge, one line deep (a row cut by the edge shows less than a row), every text outline
    // painted over with its paper: what is left is print no reader outlined
    const int depth = std::min(gray.rows, int(std::ceil(b.height)));
    const cv::Rect band(0, edge.top ? 0 : edge.rows - depth, gray.cols, depth);
    cv::Mat crop = gray(band).clone();
    const double paper = medianLevel(crop);
    for (const Finding& f : findings) {
      if (f.kind != Kind::Text || !f.box) continue;
      std::vector<cv::Point> pts = outlineCorners(f);
      for (cv::Point& p : pts) p -= band.tl();
      cv::fillPoly(crop, std::vector<std::vector<cv::Point>>{pts}, cv::Scalar(paper));
    }
    const int bx0 = std::max(0, b.x0), bx1 = std::min(gray.cols, b.x1);
    if (bx1 - bx0 < 4) continue;
    const cv::Mat blockBand = crop(cv::Rect(bx0, 0, bx1 - bx0, depth));
    if (inkContrast(blockBand) < kMinInkContrast) continue;
    // ink as the block's band tells it (the minority class there), then the glyph pieces the edge cuts
    cv::Mat ink;
    const double level = cv::threshold(blockBand, ink, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
    const bool darkInk = cv::countNonZero(ink) * 2 > int(blockBand.total());
    cv::threshold(crop, ink, level, 255, darkInk ? cv::THRESH_BINARY_INV : cv::THRESH_BINARY);
    // the block's print, three line heights deep from the edge, as dark as it gets (its 2nd percentile from the paper)
    const cv::Rect blockRows(bx0, edge.top ? 0 : std::max(0, edge.rows - 3 * depth), bx1 - bx0,
                             std::min(edge.rows, 3 * depth));
    const double printContrast = farthestFromPaper(gray(blockRows), paper, 0.02);
    // (a piece wider than two line heights is no glyph: the anatomy of a radiograph running out of the frame; nor is
    // one that crosses the band, deeper than a glyph's feet: a grid line left by the grid's fading, a trace)
    std::vector<EdgePiece> pieces = edgePieces(ink, edge);
    std::erase_if(pieces, [&](const EdgePiece& p) { return p.x1 - p.x0 > 2 * b.height || p.depth >= 0.8 * depth; });
    // the pieces within the block, then those that go on along the edge from them across gaps of at most two line
    // heights (the cut row is longer than the rows under it: an IPP's feet 30 px past their end on an ECG turned by
    // a degree)
    const int gap = int(std::ceil(2 * b.height));
    int x0 = INT_MAX, x1 = INT_MIN, deepest = 0, count = 0;
    for (const EdgePiece& p : pieces)
      if (p.x1 > bx0 && p.x0 < bx1) {
        x0 = std::min(x0, p.x0);
        x1 = std::max(x1, p.x1);
        deepest = std::max(deepest, p.depth);
        ++count;
      }
    if (count < 3) continue;  // a speck or two is no row of glyphs
    for (bool grown = true; grown;) {
      grown = false;
      for (const EdgePiece& p : pieces)
        if ((p.x0 < x0 && p.x1 >= x0 - gap) || (p.x1 > x1 && p.x0 <= x1 + gap)) {
          x0 = std::min(x0, p.x0);
          x1 = std::max(x1, p.x1);
          deepest = std::max(deepest, p.depth);
          grown = true;
        }
    }
    // the feet of a row of glyphs are dense along the edge (0.55-0.91 of the columns in the cut rows of the corpus); a
    // grid's lines left by its fading, one column in ten, are not
    int inkColumns = 0;
    for (const EdgePiece& p : pieces)
      if (p.x0 >= x0 && p.x1 <= x1) inkColumns += p.x1 - p.x0;
    if (inkColumns < kMinInkColumns * (x1 - x0)) continue;
    // cut glyphs are printed in the block's ink; a faded ECG grid's lines, a quarter as far from the paper, are not
    // (a 2730 px strip along the top of a 55 px header)
    const cv::Rect strip(x0, 0, x1 - x0, depth);
    if (farthestFromPaper(crop(strip), paper, 0.1, ink(strip)) < kPrintShare * printContrast) continue;
    // a margin for the glyphs' anti-aliased edges and the JPEG ringing around them; the strip also runs along the
    // PHI lines that reach the edge, whose outlines may stop a pixel short of it (the 1 px left of an 8 px date)
    const int pad = int(std::ceil(b.height / 4));
    x0 = std::max(0, std::min(x0 - pad, b.phiX0));
    x1 = std::min(gray.cols, std::max(x1 + pad, b.phiX1));
    deepest = std::min(depth, deepest + pad);
    Finding f;
    f.kind = Kind::Text;
    f.category = "other-text";
    f.phi = true;
    f.box = Box{x0, edge.top ? 0 : edge.rows - deepest, x1 - x0, deepest};
    f.confidence = 0.3f;
    f.detector = "frame-edge";
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace

std::vector<Finding> rowsCutByFrame(const std::vector<Finding>& findings, const cv::Mat& gray) {
  if (gray.empty()) return {};
  std::vector<Finding> out = stripsAlong(findings, gray, Edge{true, gray.rows});
  for (Finding& f : stripsAlong(findings, gray, Edge{false, gray.rows})) out.push_back(std::move(f));
  return out;
}

void extendToFrameEdge(std::vector<Finding>& findings, cv::Size image) {
  for (Finding& f : findings) {
    if (f.kind != Kind::Text || !f.phi || !f.box) continue;
    const double reach = 0.5 * lineHeight(f);
    if (f.polygon.size() < 3) {
      Box& b = *f.box;
      if (b.y > 0 && b.y <= reach) {
        b.h += b.y;
        b.y = 0;
      }
      if (b.y + b.h < image.height && image.height - (b.y + b.h) <= reach) b.h = image.height - b.y;
      continue;
    }
    // (the outline over all its columns, up to the edge its nearest corner lies within reach of)
    std::vector<cv::Point> pts = outlineCorners(f);
    const std::size_t corners = pts.size();
    int top = INT_MAX, bottom = INT_MIN;
    for (const cv::Point& p : pts) top = std::min(top, p.y), bottom = std::max(bottom, p.y);
    // (an outline that crosses the edge with one corner leaves a wedge between its side and the edge as well)
    for (std::size_t i = 0; i < corners; ++i) {
      if (top <= reach && pts[i].y > 0) pts.push_back({pts[i].x, 0});
      if (image.height - 1 - bottom <= reach && pts[i].y < image.height - 1)
        pts.push_back({pts[i].x, image.height - 1});
    }
    if (pts.size() == corners) continue;
    std::vector<cv::Point> hull;
    cv::convexHull(pts, hull);
    f.polygon.clear();
    for (const cv::Point& p : hull) f.polygon.push_back({p.x, p.y});
    const cv::Rect r = cv::boundingRect(hull) & cv::Rect(0, 0, image.width, image.height);
    f.box = Box{r.x, r.y, r.width, r.height};
  }
}

}  // namespace medpics::detect
