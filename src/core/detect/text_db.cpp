// PP-OCRv4 DB text detector through OpenCV DNN: ImageNet normalisation, padding, tiles, and DB post-processing
// (binary map -> contours -> box score -> unclip) done here on the raw probability map.
#include "medpics/detect/text_regions.hpp"

#include "medpics/detect/ink_mask.hpp"
#include "medpics/detect/models.hpp"
#include "medpics/detect/text_context.hpp"
#include "medpics/detect/text_trim.hpp"

#include <opencv2/dnn.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace medpics::detect {
namespace {

int roundUp32(int v) { return (v + 31) / 32 * 32; }

// Refinement tiles (square) at most for the rows seen only at the lowest edge threshold (smallTextRows).
constexpr int kFaintTiles = 4;
// Tiles at most for blocks of small print that go on past a refinement tile's top or bottom edge (continuationTiles),
// and the highest outline of a line of such print (print up to 13 px; the fine pass outlines 11 px print 13-17 px high,
// a lab table's 30 px rows 29-33 px, which the coarse pass reads).
constexpr int kContinuationTiles = 4;
constexpr float kSmallPrintLine = 24.f;

// Network pixels of paper added above / left of a refinement tile that touches the image's top / left edge.
constexpr int kEdgePad = 24;

// The paper colour of a tile: per-channel median of a coarse copy (text is the minority).
cv::Scalar paperColour(const cv::Mat& bgr) {
  cv::Mat small;
  cv::resize(bgr, small, {std::max(1, bgr.cols / 8), std::max(1, bgr.rows / 8)}, 0, 0, cv::INTER_AREA);
  std::vector<cv::Mat> ch;
  cv::split(small, ch);
  cv::Scalar out;
  for (int c = 0; c < 3 && c < int(ch.size()); ++c) {
    std::vector<uchar> v(ch[size_t(c)].begin<uchar>(), ch[size_t(c)].end<uchar>());
    std::nth_element(v.begin(), v.begin() + long(v.size() / 2), v.end());
    out[c] = v[v.size() / 2];
  }
  return out;
}

// Runs the network on one BGR tile (any size); returns the probability map of the padded tile.
cv::Mat probabilityMap(const cv::Mat& tile, const std::string& modelPath, int instance = 0) {
  cv::Mat rgb, input;
  cv::cvtColor(tile, rgb, cv::COLOR_BGR2RGB);
  rgb.convertTo(input, CV_32FC3);
  cv::subtract(input, cv::Scalar(123.675, 116.28, 103.53), input);
  cv::divide(input, cv::Scalar(58.395, 57.12, 57.375), input);
  cv::Mat blob = cv::dnn::blobFromImage(input);
  cv::dnn::Net& net = threadNetwork(modelPath, instance);
  net.setInput(blob);
  cv::Mat out = net.forward();
  return cv::Mat(out.size[2], out.size[3], CV_32F, out.ptr<float>()).clone();
}

void postProcess(const cv::Mat& prob, const TextOptions& o, double scale, cv::Point2f offset,
                 std::vector<TextRegion>& out) {
  cv::Mat binary = prob > o.binaryThreshold;
  std::vector<std::vector<cv::Point>> contours;
  cv::findContours(binary, contours, cv::RETR_LIST, cv::CHAIN_APPROX_SIMPLE);
  for (const auto& contour : contours) {
    if (contour.size() < 3) continue;
    cv::RotatedRect rr = cv::minAreaRect(contour);
    if (std::min(rr.size.width, rr.size.height) < 2.f) continue;
    const cv::Rect bounds = cv::boundingRect(contour) & cv::Rect(0, 0, prob.cols, prob.rows);
    cv::Mat mask = cv::Mat::zeros(bounds.size(), CV_8U);
    std::vector<std::vector<cv::Point>> shifted{contour};
    for (auto& p : shifted[0]) p -= bounds.tl();
    cv::fillPoly(mask, shifted, 255);
    const float score = float(cv::mean(prob(bounds), mask)[0]);
    if (score < o.boxThreshold) continue;
    const float w = rr.size.width, h = rr.size.height;
    const float distance = w * h * o.unclipRatio / (2.f * (w + h));
    rr.size.width += 2 * distance;
    rr.size.height += 2 * distance;
    if (std::min(rr.size.width, rr.size.height) < 5.f) continue;
    TextRegion region;
    region.rect =
        cv::RotatedRect(cv::Point2f(float(rr.center.x / scale) + offset.x, float(rr.center.y / scale) + offset.y),
                        cv::Size2f(float(rr.size.width / scale), float(rr.size.height / scale)), rr.angle);
    region.box = region.rect.boundingRect();
    region.score = score;
    region.source = "ppocr-db";
    out.push_back(region);
  }
}

}  // namespace

// Tile origins along one axis: evenly spread, full tiles only (the last one ends at the edge).
static std::vector<int> tileOrigins(int length, int tile, int overlap) {
  if (length <= tile) return {0};
  const int count = std::max(2, (length - overlap + (tile - overlap) - 1) / (tile - overlap));
  std::vector<int> origins;
  for (int i = 0; i < count; ++i) origins.push_back(int(std::lround(double(i) * (length - tile) / (count - 1))));
  return origins;
}

// Refinement tiles (image pixels) over the unresolved rows: first the rows of the identity band, then the others, each
// widest first (a 9.8 MP ECG's grid gave 119 rows wider than its 8 px header's, which got none of the 16 tiles; nearest
// the edge first instead gave them all to the grid's rows along a 11.8 MP ECG's top and bottom edges). Each spans
// `span` x `spanY` pixels, starts a little left of its row and is centred on it vertically; a row longer than a tile
// gets overlapping tiles. `tiles`: those already placed (for other rows), kept first and counted in the budget.
static std::vector<cv::Rect> refinementTiles(std::vector<cv::Rect> rows, int span, int spanY, int maxTiles,
                                             cv::Size size, std::vector<cv::Rect> tiles = {}) {
  // a row taller than a tile (a block the network boxed whole) is refined in bands of three quarters of a tile: the
  // tiles of two bands overlap by a quarter, and a line across the bands' boundary lies whole in one of them
  std::vector<cv::Rect> bands;
  const int band = std::max(1, spanY * 3 / 4);
  for (const cv::Rect& row : rows)
    if (row.height <= spanY)
      bands.push_back(row);
    else
      for (int y = row.y; y < row.br().y; y += band)
        bands.push_back({row.x, y, row.width, std::min(band, row.br().y - y)});
  rows = std::move(bands);
  std::stable_sort(rows.begin(), rows.end(), [&](const cv::Rect& a, const cv::Rect& b) {
    const bool ba = inRefinementPriorityBand(a, size.height), bb = inRefinementPriorityBand(b, size.height);
    return ba != bb ? ba : a.width > b.width;
  });
  const int margin = std::max(8, span / 16);
  const cv::Rect image(0, 0, size.width, size.height);
  for (const auto& row : rows) {
    for (int x = row.x - margin; x < row.x + row.width; x += span - 2 * margin) {
      const cv::Rect part =
          cv::Rect(x + margin, row.y, std::min(span - 2 * margin, row.x + row.width - x - margin), row.height) & image;
      // a strip reads whole only the rows in its middle half (or at the image's edge): a line crossing its top or
      // bottom edge with its centre in the outer quarter is dropped as a neighbour's fragment (refineSmallText)
      auto inBand = [&](const cv::Rect& t) {
        if (spanY >= span) return true;
        const int q = t.height / 4;
        return (t.y == 0 || part.y >= t.y + q) && (t.y + t.height >= size.height || part.br().y <= t.br().y - q);
      };
      const bool covered = std::any_of(tiles.begin(), tiles.end(), [&](const cv::Rect& t) {
        return (t & part).area() >= 0.9 * part.area() && inBand(t);
      });
      if (covered || part.empty()) continue;
      cv::Rect t(x, row.y + row.height / 2 - spanY / 2, span, spanY);
      t.x = std::clamp(t.x, 0, std::max(0, size.width - span));
      t.y = std::clamp(t.y, 0, std::max(0, size.height - spanY));
      t &= image;
      if (std::find(tiles.begin(), tiles.end(), t) != tiles.end()) continue;
      if (int(tiles.size()) >= maxTiles) return tiles;
      tiles.push_back(t);
    }
  }
  return tiles;
}

// Regions of the coarse pass shaped like a block, not a line (120 px high or more, less than four times as wide as
// high): the network boxed lines together with what lies beside them (a 28 px three-line label with the wound beside
// it on a 12 MP photo, 1408 x 671 px, which OCR read as nothing). They are refined first: their lines come apart.
constexpr float kBlockSide = 120.f;
static bool blockShaped(const TextRegion& r) {
  const float shortSide = std::min(r.rect.size.width, r.rect.size.height);
  const float longSide = std::max(r.rect.size.width, r.rect.size.height);
  return r.source == "ppocr-db" && shortSide >= kBlockSide && longSide < 4.f * shortSide;
}

// A coarse region 2.5 times as high as wide and 120 px high or more: a column of a table whose small rows the coarse
// pass saw at a quarter of their size or less and boxed down the page (10 px values 18 px apart on a 2309 px report
// made regions of 98-133 x 343-370 px, cut into slivers along their length and read across as "© NON b", masked).
// Refined like a block; the rows found across it replace it.
// (the refinement tiles see such a column too, beside its rows: 35 x 151 px over nine 10 px ranges, read at 0.00)
static bool columnShaped(const TextRegion& r) {
  return r.source.rfind("ppocr-db", 0) == 0 && r.box.height >= kBlockSide && 2 * r.box.height >= 5 * r.box.width;
}

// The lines of `lines` laid across `column`: wider than high, their centre within its height.
static std::ptrdiff_t crossingRows(const cv::Rect& column, const std::vector<TextRegion>& lines) {
  return std::count_if(lines.begin(), lines.end(), [&](const TextRegion& f) {
    return f.box.width > f.box.height && (f.box & column).area() > 0 && f.rect.center.y >= column.y &&
           f.rect.center.y <= column.br().y;
  });
}

static std::vector<cv::Rect> blockRegions(const std::vector<TextRegion>& coarse, cv::Size size) {
  std::vector<cv::Rect> blocks;
  for (const auto& r : coarse) {
    const cv::Rect box = r.box & cv::Rect(0, 0, size.width, size.height);
    if ((blockShaped(r) || columnShaped(r)) && !box.empty()) blocks.push_back(box);
  }
  return blocks;
}

// Network input height of a refinement tile (multiple of 32, at most its width) and the network instance of that
// shape (OpenCV 4.6 keeps the first input shape a DB network saw: 0 is the coarse pass's instance).
static int refineHeight(const TextOptions& o) {
  const int side = roundUp32(std::max(o.refineTileSide, 64));
  return o.refineTileHeight > 0 ? std::min(side, roundUp32(std::max(o.refineTileHeight, 64))) : side;
}
static int refineInstance(const TextOptions& o) {
  const int side = roundUp32(std::max(o.refineTileSide, 64)), sideY = refineHeight(o);
  return side == sideY && side == roundUp32(std::max(o.dbTileSide, 64)) ? 0 : side * 10000 + sideY;
}

void loadTextNetworks(const TextOptions& o, bool infer) {
  if (o.modelPath.empty()) return;
  threadNetwork(o.modelPath, 0);
  if (o.refine) threadNetwork(o.modelPath, refineInstance(o));
  if (!infer) return;
  // one inference per instance at its input shape (OpenCV allocates and fuses layers at the first forward)
  const int side = roundUp32(std::max(o.dbTileSide, 64));
  probabilityMap(cv::Mat(side, side, CV_8UC3, cv::Scalar::all(255)), o.modelPath, 0);
  if (o.refine && refineInstance(o) != 0) {
    const int refineSide = roundUp32(std::max(o.refineTileSide, 64));
    probabilityMap(cv::Mat(refineHeight(o), refineSide, CV_8UC3, cv::Scalar::all(255)), o.modelPath, refineInstance(o));
  }
}

// Extends a line cut by a tile's inner left and/or right edge along its own direction towards the edge of `limit`
// (the merged region it came from), stopping at the next line of `lines` on its row; the box follows the outline.
static void extendCutLine(TextRegion& line, std::array<bool, 2> cut, const cv::Rect& limit,
                          const std::vector<TextRegion>& lines, cv::Size image) {
  int leftEdge = limit.x, rightEdge = limit.br().x;
  for (const auto& other : lines) {
    const int overlap = std::min(other.box.br().y, line.box.br().y) - std::max(other.box.y, line.box.y);
    if (&other == &line || overlap < 0.5 * std::min(other.box.height, line.box.height)) continue;  // not its row
    if (other.box.br().x <= line.box.x + line.box.width / 2) leftEdge = std::max(leftEdge, other.box.br().x);
    if (other.box.x >= line.box.x + line.box.width / 2) rightEdge = std::min(rightEdge, other.box.x);
  }
  const int left = cut[0] ? std::max(0, line.box.x - leftEdge) : 0;
  const int right = cut[1] ? std::max(0, rightEdge - line.box.br().x) : 0;
  if (left == 0 && right == 0) return;
  cv::RotatedRect& rr = line.rect;
  const bool wide = rr.size.width >= rr.size.height;  // the outline's long side runs along the line
  const double a = rr.angle * CV_PI / 180.0;
  const cv::Point2f axis =
      wide ? cv::Point2f(float(std::cos(a)), float(std::sin(a))) : cv::Point2f(float(-std::sin(a)), float(std::cos(a)));
  const float along = std::abs(axis.x) > 0.5f ? 1.f / std::abs(axis.x) : 1.f;  // image x per unit along the line
  (wide ? rr.size.width : rr.size.height) += float(left + right) * along;
  rr.center += axis * (float(right - left) * along / 2.f * (axis.x >= 0 ? 1.f : -1.f));
  line.box = rr.boundingRect() & cv::Rect(0, 0, image.width, image.height);
}

void followLineInk(TextRegion& line, std::array<bool, 2>& cut, const cv::Mat& gray, const std::vector<TextRegion>& lines,
                   int reach, double gapHeights) {
  const cv::RotatedRect& rr = line.rect;
  const bool wide = rr.size.width >= rr.size.height;
  const double a = rr.angle * CV_PI / 180.0;
  cv::Point2d axis = wide ? cv::Point2d(std::cos(a), std::sin(a)) : cv::Point2d(-std::sin(a), std::cos(a));
  if (axis.x < 0) axis = -axis;
  if (axis.x < 0.98 || !(cut[0] || cut[1])) return;  // turned more than 11 degrees: not followed
  const double h = std::min(rr.size.width, rr.size.height), slope = axis.y / axis.x;
  const cv::Rect image(0, 0, gray.cols, gray.rows);
  const cv::Rect strip =
      cv::Rect(line.box.x - reach, line.box.y - int(h), line.box.width + 2 * reach, line.box.height + 2 * int(h)) &
      image;
  if (strip.area() <= 0) return;
  // ink as the line itself shows it (its own Otsu level and polarity): the strip may hold a dark background beside a
  // wristband or a sheet, which would make the paper the minority class there
  const cv::Rect own = line.box & image;
  if (own.area() <= 0) return;
  const cv::Mat ownInk = inkMask(gray(own));
  const cv::Scalar inkLevel = cv::mean(gray(own), ownInk), paperLevel = cv::mean(gray(own), ~ownInk);
  const double level = (inkLevel[0] + paperLevel[0]) / 2;
  cv::Mat ink;
  cv::threshold(gray(strip), ink, level, 255, inkLevel[0] < paperLevel[0] ? cv::THRESH_BINARY_INV : cv::THRESH_BINARY);
  // a rule or a box's edge along the row is not the line's ink: strokes longer than three line heights are removed
  cv::Mat rules;
  cv::morphologyEx(ink, rules, cv::MORPH_OPEN,
                   cv::getStructuringElement(cv::MORPH_RECT, cv::Size(std::max(15, int(3 * h)), 1)));
  ink &= ~rules;
  auto inked = [&](int x) {  // ink in the column x (image) within the line's band
    const double cy = rr.center.y + slope * (x - rr.center.x);
    const int y0 = std::max(strip.y, int(cy - h / 2)), y1 = std::min(strip.br().y, int(cy + h / 2) + 1);
    if (x < strip.x || x >= strip.br().x || y1 <= y0) return false;
    return cv::countNonZero(ink(cv::Rect(x - strip.x, y0 - strip.y, 1, y1 - y0))) > 0;
  };
  // where the next line of its row begins (or the previous one ends)
  int stopRight = strip.br().x, stopLeft = strip.x;
  for (const auto& other : lines) {
    const int overlap = std::min(other.box.br().y, line.box.br().y) - std::max(other.box.y, line.box.y);
    if (&other == &line || overlap < 0.5 * std::min(other.box.height, line.box.height)) continue;
    if (other.box.x >= line.box.br().x - 1) stopRight = std::min(stopRight, other.box.x);
    if (other.box.br().x <= line.box.x + 1) stopLeft = std::max(stopLeft, other.box.br().x);
  }
  const int gapLimit = int(std::ceil(gapHeights * h));
  auto follow = [&](int from, int step, int stop) {  // the last inked column reached from `from`
    int last = from, gap = 0;
    for (int x = from; x != stop && gap <= gapLimit; x += step) {
      if (inked(x)) {
        last = x;
        gap = 0;
      } else {
        ++gap;
      }
    }
    return last;
  };
  const int right = cut[1] ? follow(line.box.br().x, 1, stopRight) - line.box.br().x : 0;
  const int left = cut[0] ? line.box.x - follow(line.box.x - 1, -1, stopLeft - 1) : 0;
  if (right <= 0 && left <= 0) return;
  const double margin = h / 4;
  const double grow = (right > 0 ? right + margin : 0) + (left > 0 ? left + margin : 0);
  const double shift = ((right > 0 ? right + margin : 0) - (left > 0 ? left + margin : 0)) / 2;
  cv::RotatedRect grown = rr;
  (wide ? grown.size.width : grown.size.height) += float(grow / axis.x);
  grown.center += cv::Point2f(float(shift), float(shift * slope));
  line.rect = grown;
  line.box = grown.boundingRect() & image;
  cut = {false, false};
}

// A line's height: the short side of its outline.
static float lineHeight(const TextRegion& line) { return std::min(line.rect.size.width, line.rect.size.height); }

// A line's direction (unit vector along its longer side), length and height.
struct LineAxis {
  cv::Point2f direction;
  float length = 0, height = 0;
};
static LineAxis lineAxis(const TextRegion& line) {
  cv::Point2f p[4];
  line.rect.points(p);
  const cv::Point2f e1 = p[1] - p[0], e2 = p[2] - p[1];
  const float n1 = float(cv::norm(e1)), n2 = float(cv::norm(e2));
  if (n1 >= n2) return {n1 > 0 ? e1 / n1 : cv::Point2f(1, 0), n1, n2};
  return {e2 / n2, n2, n1};
}

// Two fine lines on one row that overlap along it, where a tile's inner edge cut one of them at the overlap, are the
// two halves of one line seen by neighbouring tiles ("Né(e) le 20/07/2" and "0/07/2006"): one line, read whole. So are
// two lines cut at their facing ends by tiles that left a strip between them ("44093 Nantes - Tél. 02 40" and
// "08 33 33", 29 px apart, 28 px high: the phone number's end was read alone, as benign numbers).
static void joinCutFragments(std::vector<TextRegion>& lines, std::vector<std::array<bool, 2>>& cut, cv::Size image) {
  // one row: heights within 0.6 of each other and each centre within 0.4 of a height of the longer line's axis. Not
  // upright boxes: on a page turned by 1.7 degrees, the box of a 2000 px line overlaps the row below it by 60 %, and
  // "IPP 7674438" was joined to the end of the next row while "685", its own end, was read alone
  auto sameRow = [](const TextRegion& a, const TextRegion& b) {
    const LineAxis la = lineAxis(a), lb = lineAxis(b);
    if (std::min(la.height, lb.height) < 0.6f * std::max(la.height, lb.height)) return false;
    const LineAxis& ref = la.length >= lb.length ? la : lb;
    const cv::Point2f d = (la.length >= lb.length ? b.rect.center : a.rect.center) -
                          (la.length >= lb.length ? a.rect.center : b.rect.center);
    return std::abs(ref.direction.x * d.y - ref.direction.y * d.x) <= 0.4f * std::max(la.height, lb.height);
  };
  for (bool joined = true; joined;) {
    joined = false;
    for (std::size_t i = 0; i < lines.size() && !joined; ++i)
      for (std::size_t j = 0; j < lines.size() && !joined; ++j) {
        const cv::Rect &a = lines[i].box, &b = lines[j].box;  // a on the left
        // facing ends both cut: the two tiles' edges left a gap between the halves (up to two line heights)
        const bool facingCuts = cut[i][1] && cut[j][0];
        const int reach = facingCuts ? int(std::lround(2 * std::max(lineHeight(lines[i]), lineHeight(lines[j])))) : 0;
        if (i == j || a.x >= b.x || a.br().x >= b.br().x || b.x > a.br().x + reach || !sameRow(lines[i], lines[j]))
          continue;
        if (!cut[i][1] && !cut[j][0]) continue;
        std::vector<cv::Point2f> corners(8);
        lines[i].rect.points(corners.data());
        lines[j].rect.points(corners.data() + 4);
        lines[i].rect = cv::minAreaRect(corners);
        lines[i].box = lines[i].rect.boundingRect() & cv::Rect(0, 0, image.width, image.height);
        lines[i].score = std::max(lines[i].score, lines[j].score);
        cut[i][1] = cut[j][1];
        lines.erase(lines.begin() + long(j));
        cut.erase(cut.begin() + long(j));
        joined = true;
      }
  }
}

// How far from a tile's inner edge a line may end and still be cut by it (image pixels; `scale`: tile pixels per image
// pixel): the network drops a glyph that the edge cuts, and a word the edge cut off leaves a space before the next
// one, so the line stops up to a line height before the edge ("Né(e) le : 25/03/" and "1963" from two tiles, neither
// touching its edge; "Pitié-Salpêtrière" 30 px after a tile's edge, "Hôpital" outside the tile).
static int cutSlack(const TextRegion& line, double scale) {
  return std::max(int(std::lround(2 / scale)), int(std::lround(lineHeight(line))));
}

// Area shared by two lines' outlines (rotated rectangles).
static double sharedArea(const TextRegion& a, const TextRegion& b) {
  std::vector<cv::Point2f> common;
  if (cv::rotatedRectangleIntersection(a.rect, b.rect, common) == cv::INTERSECT_NONE || common.size() < 3) return 0;
  std::vector<cv::Point2f> hull;
  cv::convexHull(common, hull);
  return cv::contourArea(hull);
}

// The lines of overlapping tiles (with, per line, whether its tile's inner left / right edge cut it) merged into
// `lines`: the same line seen by two tiles (outlines sharing 60 % of the smaller) is kept once (the longer outline),
// unless one of them was cut by its tile's edge where the other goes on and the other does not hold all of it: both
// are kept, then joined ("N° de dossier : 99385998" cut by one tile, "9938599869" whole in the next). Two lines of
// one tile are two lines: on a page turned by 2.5 degrees, the upright boxes of neighbouring rows overlap by 70 %.
static void mergeTileLines(std::vector<std::vector<TextRegion>>& perTile,
                           const std::vector<std::vector<std::array<bool, 2>>>& cutPerTile, cv::Size image,
                           std::vector<TextRegion>& lines, std::vector<std::array<bool, 2>>& cut) {
  std::vector<std::size_t> tileOf;  // parallel to `lines`
  const auto goesOnWhereCut = [](const TextRegion& a, std::array<bool, 2> cutA, const TextRegion& b) {
    return (cutA[0] && b.box.x < a.box.x && b.box.br().x < a.box.br().x) ||
           (cutA[1] && b.box.br().x > a.box.br().x && b.box.x > a.box.x);
  };
  for (std::size_t ti = 0; ti < perTile.size(); ++ti) {
    for (std::size_t fi = 0; fi < perTile[ti].size(); ++fi) {
      auto& f = perTile[ti][fi];
      f.box &= cv::Rect(0, 0, image.width, image.height);
      if (f.box.area() <= 0) continue;
      auto same = lines.begin();
      for (; same != lines.end(); ++same)
        if (tileOf[std::size_t(same - lines.begin())] != ti &&
            sharedArea(*same, f) > 0.6 * std::min(same->rect.size.area(), f.rect.size.area()))
          break;
      if (same == lines.end() || goesOnWhereCut(*same, cut[std::size_t(same - lines.begin())], f) ||
          goesOnWhereCut(f, cutPerTile[ti][fi], *same)) {
        lines.push_back(f);
        cut.push_back(cutPerTile[ti][fi]);
        tileOf.push_back(ti);
      } else if (f.box.area() > same->box.area()) {
        *same = f;
        cut[std::size_t(same - lines.begin())] = cutPerTile[ti][fi];
        tileOf[std::size_t(same - lines.begin())] = ti;
      }
    }
  }
  joinCutFragments(lines, cut, image);
}

// True when the centre of `line` lies within the outline of `region` (a turned page: the upright box of a 1500 px line
// holds two thirds of a piece of the row under it, which is no row of its own).
static bool holdsCentre(const TextRegion& region, const TextRegion& line) {
  cv::Point2f corners[4];
  region.rect.points(corners);
  const std::vector<cv::Point2f> outline(corners, corners + 4);
  return cv::pointPolygonTest(outline, line.rect.center, false) >= 0;
}

// The stretches of `region` along its reading direction (fractions of its length, from its left end) that none of the
// lines `which` covers, each at least two region heights long. A line under 0.4 of the region's height covers nothing:
// a sliver the fine pass outlined across large print (15 px strips of a 41 px "LAURENT Margaux", the region 58 px
// high), not a row of small print of its own.
static std::vector<LineExtent> uncoveredStretches(const TextRegion& region, const std::vector<TextRegion>& lines,
                                                  const std::vector<std::size_t>& which) {
  const LineAxis axis = lineAxis(region);
  if (axis.length <= 0) return {};
  const cv::Point2f d = axis.direction.x < 0 ? -axis.direction : axis.direction;  // left to right
  std::vector<std::pair<double, double>> covered;
  for (std::size_t i : which) {
    if (lineHeight(lines[i]) < 0.4 * axis.height) continue;
    cv::Point2f p[4];
    lines[i].rect.points(p);
    double lo = 1e9, hi = -1e9;
    for (const auto& q : p) {
      const double t = 0.5 + (q - region.rect.center).dot(d) / axis.length;
      lo = std::min(lo, t);
      hi = std::max(hi, t);
    }
    covered.emplace_back(lo, hi);
  }
  std::sort(covered.begin(), covered.end());
  std::vector<LineExtent> out;
  const double minLength = 2.0 * axis.height / axis.length;
  double from = 0.0;
  for (const auto& [lo, hi] : covered) {
    if (lo - from >= minLength) out.push_back({from, std::min(1.0, lo)});
    from = std::max(from, hi);
  }
  if (1.0 - from >= minLength) out.push_back({from, 1.0});
  return out;
}

// Extent along their row (horizontal for upright rows) from the first to the last of the lines `which`.
static int spanAlong(const std::vector<TextRegion>& lines, const std::vector<std::size_t>& which) {
  if (which.empty()) return 0;
  const bool upright = lines[which.front()].box.width >= lines[which.front()].box.height;
  int from = INT32_MAX, to = INT32_MIN;
  for (std::size_t i : which) {
    const cv::Rect& b = lines[i].box;
    from = std::min(from, upright ? b.x : b.y);
    to = std::max(to, upright ? b.br().x : b.br().y);
  }
  return to - from;
}

// True when every refinement tile that holds the centre of `line` cuts it at its top or bottom edge (inside the image):
// a piece of a taller line, seen whole by the coarse pass (the lower half of a 42 px "Hôpital Pitié-Salpêtrière" under
// a tile's top edge made the coarse line look like two merged rows, and the pieces read as garbage replaced it).
// The outline of a cut line stops a pixel or two inside the edge, up to a tenth of its height (a 41 px name line whose
// capitals' tops a tile's edge cut 6 px down: its outline began 2 px under the edge and replaced the coarse line).
static bool cutAcrossTiles(const TextRegion& line, const std::vector<cv::Rect>& tiles, cv::Size image) {
  bool held = false;
  const int slack = std::max(2, int(0.1f * lineHeight(line)));
  for (const auto& t : tiles) {
    if (!t.contains(cv::Point(int(line.rect.center.x), int(line.rect.center.y)))) continue;
    held = true;
    const bool cutTop = t.y > 0 && line.box.y <= t.y + slack;
    const bool cutBottom = t.br().y < image.height && line.box.br().y >= t.br().y - slack;
    if (!cutTop && !cutBottom) return false;
  }
  return held;
}

// The unresolved rows a refinement tile held whole but where the fine pass outlined nothing, that go on a line of their
// row (a gap of at most two of its line heights, heights within 1.5 times): the network dropped the row's last word
// ("Strasbourg" of an 11 px "Urgences adultes, CHRU de Strasbourg" on an ECG's grid, 71 % covered), or where it
// outlined a sliver of the row only. Each is read as a line of its own (upright, as the coarse pass saw it).
static std::vector<TextRegion> rowTailsMissed(const std::vector<cv::Rect>& rows, const std::vector<cv::Rect>& tiles,
                                              const std::vector<TextRegion>& lines) {
  std::vector<TextRegion> tails;
  for (const cv::Rect& row : rows) {
    const bool refined = std::any_of(tiles.begin(), tiles.end(),
                                     [&](const cv::Rect& t) { return (t & row).area() >= 0.9 * row.area(); });
    // (or rows laid across it: a column of a table's small rows, 35 x 151 px over nine 10 px ranges)
    const bool outlined = std::any_of(lines.begin(), lines.end(),
                                      [&](const TextRegion& l) { return (l.box & row).area() >= 0.3 * row.area(); }) ||
                          crossingRows(row, lines) >= 2;
    if (!refined || outlined) continue;
    const bool goesOn = std::any_of(lines.begin(), lines.end(), [&](const TextRegion& l) {
      const float h = lineHeight(l);
      const int overlap = std::min(l.box.br().y, row.br().y) - std::max(l.box.y, row.y);
      const int gap = std::max(row.x - l.box.br().x, l.box.x - row.br().x);
      return overlap >= 0.5 * std::min(l.box.height, row.height) && gap <= 2 * h && row.height <= 1.5 * h &&
             h <= 1.5 * row.height;
    });
    // (or the fine pass outlined a sliver of it only, a line under 0.4 of the row's height with its centre in the row:
    // a 30 x 5 px strip through a bold 9 px name on a sticker turned 3 degrees, the row 93 x 25 px, 89 % covered by
    // the lines above and below)
    const bool sliverOnly = std::any_of(lines.begin(), lines.end(), [&](const TextRegion& l) {
      return lineHeight(l) < 0.4 * row.height && row.contains(cv::Point(int(l.rect.center.x), int(l.rect.center.y)));
    });
    if (!goesOn && !sliverOnly) continue;
    TextRegion tail;
    tail.box = row;
    tail.rect = cv::RotatedRect(cv::Point2f(row.x + row.width / 2.f, row.y + row.height / 2.f),
                                cv::Size2f(float(row.width), float(row.height)), 0.f);
    tail.score = 0.f;
    tail.source = "ppocr-db-fine";
    tails.push_back(tail);
  }
  return tails;
}

// Tiles for the blocks of small print that go on past a refinement tile's top or bottom edge inside the image: a line
// of small print in a stack (another line of the tile right above or under it, overlapping it along the row) ending
// within 1.5 of its heights of the edge, where no tile holds the next line's place. A tile placed for another row
// holds a block by chance, and cuts its last line: the fifth line of a bordered identity block of 11 px print turned
// 1.5 degrees, 5 px of it in the tile that held the four others, was found by no tile (a 12 MP lab report, seed
// 4861). The new tile starts two line heights before that line, so that the line and the block's rest are whole in it.
static std::vector<cv::Rect> continuationTiles(const std::vector<cv::Rect>& tiles,
                                               const std::vector<std::vector<TextRegion>>& perTile, int span,
                                               int spanY, cv::Size size) {
  std::vector<cv::Rect> extra;
  const cv::Rect image(0, 0, size.width, size.height);
  for (std::size_t ti = 0; ti < tiles.size(); ++ti) {
    const cv::Rect& t = tiles[ti];
    for (const TextRegion& line : perTile[ti]) {
      const float h = lineHeight(line);
      if (h > kSmallPrintLine) continue;
      const auto stackedOn = [&](int sign) {  // sign -1: a line above, +1: a line under
        return std::any_of(perTile[ti].begin(), perTile[ti].end(), [&](const TextRegion& other) {
          const float dy = (other.rect.center.y - line.rect.center.y) * float(sign);
          const int along = std::min(other.box.br().x, line.box.br().x) - std::max(other.box.x, line.box.x);
          return dy >= 0.8f * h && dy <= 2.5f * h && along > 0 && lineHeight(other) <= 1.5f * h &&
                 h <= 1.5f * lineHeight(other);
        });
      };
      const int reach = int(std::ceil(2 * h));
      cv::Rect next, tile;
      if (t.br().y < size.height && line.box.br().y >= t.br().y - 1.5f * h && stackedOn(-1)) {
        next = cv::Rect(line.box.x, line.box.br().y, line.box.width, reach) & image;
        tile = cv::Rect(t.x, std::clamp(line.box.y - reach, 0, std::max(0, size.height - spanY)), span, spanY);
      } else if (t.y > 0 && line.box.y <= t.y + 1.5f * h && stackedOn(1)) {
        next = cv::Rect(line.box.x, line.box.y - reach, line.box.width, reach) & image;
        tile = cv::Rect(t.x, std::clamp(line.box.br().y + reach - spanY, 0, std::max(0, size.height - spanY)), span,
                        spanY);
      } else {
        continue;
      }
      tile &= image;
      const auto holds = [&](const cv::Rect& other) { return (other & next).area() >= 0.9 * next.area(); };
      if (next.area() <= 0 || std::any_of(tiles.begin(), tiles.end(), holds) ||
          std::any_of(extra.begin(), extra.end(), holds))
        continue;
      extra.push_back(tile);
      if (int(extra.size()) >= kContinuationTiles) return extra;
    }
  }
  return extra;
}

static std::vector<TextRegion> refineSmallText(const cv::Mat& bgr, std::vector<TextRegion> coarse, const TextOptions& o,
                                               const util::CancelToken& cancel) {
  std::vector<cv::Rect> faint;
  const std::vector<cv::Rect> rows = smallTextRows(bgr, coarse, &faint);
  const std::vector<cv::Rect> blocks = blockRegions(coarse, bgr.size());
  const std::vector<cv::Rect> labels = o.labels ? paperLabels(bgr) : std::vector<cv::Rect>{};
  if (rows.empty() && faint.empty() && blocks.empty() && labels.empty()) return coarse;
  const int side = roundUp32(std::max(o.refineTileSide, 64));
  const double r = std::max(0.5, o.refineScale);
  const int span = int(side / r);
  // strips (refineTileHeight < side) cost their share of a square's pixels: the budget is in square tiles' pixels
  const int sideY = refineHeight(o);
  const int spanY = int(sideY / r);
  const int budget = int(std::lround(double(o.maxRefineTiles) * side / sideY));
  std::vector<TextRegion> fine;
  // rows of extra-light print get the tiles the others leave, four at most: the speckle of an ultrasound gives a
  // hundred such rows, and took every tile left (+9 and +14 tiles on two ultrasounds of seed 2311, 65 ms each)
  auto tiles = refinementTiles(labels, span, spanY, budget, bgr.size());
  // the rows and blocks of the identity bands before the others: a coarse region of 1550 x 1300 px over a scan's
  // texture took all 16 tiles from the 15 px identity block in the corner of a 12 MP radiograph (0 % found)
  std::vector<cv::Rect> identity;
  for (const auto* list : {&blocks, &rows})
    std::copy_if(list->begin(), list->end(), std::back_inserter(identity),
                 [&](const cv::Rect& row) { return inRefinementPriorityBand(row, bgr.rows); });
  tiles = refinementTiles(identity, span, spanY, budget, bgr.size(), std::move(tiles));
  tiles = refinementTiles(blocks, span, spanY, budget, bgr.size(), std::move(tiles));
  tiles = refinementTiles(rows, span, spanY, budget, bgr.size(), std::move(tiles));
  const int faintBudget = std::min(budget, int(tiles.size()) + kFaintTiles);
  tiles = refinementTiles(faint, span, spanY, faintBudget, bgr.size(), std::move(tiles));
  if (std::getenv("MEDPICS_DETECT_TIMING")) {
    std::fprintf(stderr, "small text: %zu unresolved rows, %zu labels, %zu tiles of %d px\n", rows.size(),
                 labels.size(), tiles.size(), side);
    for (const auto& t : tiles) std::fprintf(stderr, "  tile %d,%d %dx%d\n", t.x, t.y, t.width, t.height);
    for (const auto& w : rows) std::fprintf(stderr, "  row %d,%d %dx%d\n", w.x, w.y, w.width, w.height);
  }
  // each tile is run on its own (on the pipeline's workers when o.parallelFor is set), then merged in tile order
  std::vector<std::vector<TextRegion>> perTile(tiles.size());
  // per line found: it touches its tile's inner left / right edge (cut by the tile, not by the image)
  std::vector<std::vector<std::array<bool, 2>>> cutPerTile(tiles.size());
  auto runTile = [&](std::size_t i) {
    const cv::Rect& t = tiles[i];
    if (cancel.cancelled()) return;
    cv::Mat scaled, padded;
    cv::resize(bgr(t), scaled, {}, r, r, cv::INTER_CUBIC);
    // a tile at the top or left edge of the image gets a margin of paper there: a line cut by the edge (a header
    // rotated partly out of the frame) is not found when it touches the network input's border
    const int padTop = t.y == 0 ? kEdgePad : 0, padLeft = t.x == 0 ? kEdgePad : 0;
    scaled = scaled(cv::Rect(0, 0, std::min(side - padLeft, scaled.cols), std::min(sideY - padTop, scaled.rows)));
    if (padTop > 0 || padLeft > 0) {
      cv::Mat edged;
      cv::copyMakeBorder(scaled, edged, padTop, 0, padLeft, 0, cv::BORDER_CONSTANT, paperColour(scaled));
      scaled = edged;
    }
    cv::copyMakeBorder(scaled, padded, 0, sideY - scaled.rows, 0, side - scaled.cols, cv::BORDER_REPLICATE);
    const cv::Mat prob = probabilityMap(padded, o.modelPath, refineInstance(o));  // one instance per input shape
    std::vector<TextRegion> found;
    postProcess(prob, o, r, cv::Point2f(float(t.x - padLeft / r), float(t.y - padTop / r)), found);
    // a strip cuts the rows above and below its own row: a line crossing its top or bottom edge (inside the image)
    // away from the strip's middle is a fragment of a neighbour, read whole by the coarse pass or its own strip
    const float bandTop = float(t.y) + 0.25f * float(t.height), bandBottom = float(t.y) + 0.75f * float(t.height);
    for (auto& f : found) {
      const bool cutTop = t.y > 0 && f.box.y < t.y && f.rect.center.y < bandTop;
      const bool cutBottom =
          t.y + t.height < bgr.rows && f.box.y + f.box.height > t.y + t.height && f.rect.center.y > bandBottom;
      if (sideY < side && (cutTop || cutBottom)) continue;
      perTile[i].push_back(f);
      const int slack = cutSlack(f, r);
      cutPerTile[i].push_back(
          {t.x > 0 && f.box.x <= t.x + slack, t.br().x < bgr.cols && f.box.br().x >= t.br().x - slack});
    }
  };
  const auto runTiles = [&](std::size_t from) {
    if (o.parallelFor)
      o.parallelFor(tiles.size() - from, [&](std::size_t i) { runTile(from + i); });
    else
      for (std::size_t i = from; i < tiles.size(); ++i) runTile(i);
  };
  runTiles(0);
  // then the tiles for the blocks that go on past a tile's edge
  const std::size_t placed = tiles.size();
  for (const cv::Rect& t : continuationTiles(tiles, perTile, span, spanY, bgr.size())) tiles.push_back(t);
  if (std::getenv("MEDPICS_DETECT_TIMING"))
    for (std::size_t i = placed; i < tiles.size(); ++i)
      std::fprintf(stderr, "  continuation tile %d,%d %dx%d\n", tiles[i].x, tiles[i].y, tiles[i].width,
                   tiles[i].height);
  perTile.resize(tiles.size());
  cutPerTile.resize(tiles.size());
  runTiles(placed);
  for (auto& tileLines : perTile)
    for (auto& f : tileLines) f.source = "ppocr-db-fine";
  std::vector<std::array<bool, 2>> cut;  // parallel to `fine`
  mergeTileLines(perTile, cutPerTile, bgr.size(), fine, cut);
  // a line in a block-shaped coarse region half as high as the region or more is not one of the lines the block
  // merged: a tile placed over a tattoo that the coarse pass boxed as a block (334 x 178 px) outlined it as a "line"
  // 107 px high, read "Ho 7" and masked, which hid the tattoo from the skin-ink heuristic
  for (std::size_t i = fine.size(); i-- > 0;) {
    const cv::Point centre(fine[i].rect.center);
    const bool blockSized = std::any_of(coarse.begin(), coarse.end(), [&](const TextRegion& c) {
      return blockShaped(c) && c.box.contains(centre) && lineHeight(fine[i]) > 0.5f * lineHeight(c);
    });
    if (blockSized) {
      fine.erase(fine.begin() + std::ptrdiff_t(i));
      cut.erase(cut.begin() + std::ptrdiff_t(i));
    }
  }
  if (fine.empty()) return coarse;
  if (std::any_of(cut.begin(), cut.end(), [](const std::array<bool, 2>& c) { return c[0] || c[1]; })) {
    cv::Mat gray;
    cv::cvtColor(bgr, gray, cv::COLOR_BGR2GRAY);
    for (std::size_t i = 0; i < fine.size(); ++i) followLineInk(fine[i], cut[i], gray, fine, span, 1.2);
  }
  // A coarse region holding two or more fine lines on different rows merged them: the fine lines replace it. (Held:
  // most of the fine line's upright box and its centre within the coarse outline; on an ECG turned by 2.5 degrees, a
  // piece of the next row made "Date : 02/01/2024 19:18 Service..." two rows, and its first half, in no fine tile, was
  // never read.)
  // A fine line that a coarse line of its own height already covers is a duplicate.
  std::vector<TextRegion> out;
  std::vector<bool> used(fine.size(), false), piece(fine.size(), false);
  for (std::size_t i = 0; i < fine.size(); ++i) piece[i] = cutAcrossTiles(fine[i], tiles, bgr.size());
  for (const auto& c : coarse) {
    if (columnShaped(c) && crossingRows(c.box, fine) >= 2) continue;  // a table's column: the rows across it read it
    int rowsInside = 0;
    float lastY = -1e9f;
    std::vector<std::size_t> inside;
    for (std::size_t i = 0; i < fine.size(); ++i) {
      if ((fine[i].box & c.box).area() < 0.6 * fine[i].box.area() || !holdsCentre(c, fine[i])) continue;
      if (piece[i])
        used[i] = true;  // a piece of a line the coarse region holds: the region reads it
      else
        inside.push_back(i);
    }
    std::sort(inside.begin(), inside.end(),
              [&](std::size_t a, std::size_t b) { return fine[a].rect.center.y < fine[b].rect.center.y; });
    for (std::size_t i : inside) {
      if (fine[i].rect.center.y - lastY > 0.7f * lineHeight(fine[i])) ++rowsInside;
      lastY = fine[i].rect.center.y;
    }
    // (one refined row in a region twice its height or more: the network merged it with a row of larger print that
    // no tile refined, such as a report's title beside a sticker's name)
    const bool merged =
        !inside.empty() && lineHeight(c) > (rowsInside >= 2 ? 1.6f : 2.f) * lineHeight(fine[inside.front()]);
    if (merged) {
      // a fine line still cut by its tile's inner edge goes on as far as the merged region does, up to the next line
      // of its row: the tiles placed for one row of a header block cut its other lines, whose rest no tile saw
      for (std::size_t i : inside) extendCutLine(fine[i], cut[i], c.box, fine, bgr.size());
      // the stretches of the merged region that no fine line covers stay, cut to their length: no tile saw them. Not
      // along a region higher than wide that rows cross: a table's column (106 x 251 px over nine rows of ranges,
      // under columnShaped's 2.5:1) whose "stretches" were slivers down the page, read as nothing and masked
      const bool column = c.box.height > c.box.width && crossingRows(c.box, fine) >= 2;
      if (!column)
        for (const LineExtent& rest : uncoveredStretches(c, fine, inside))
          out.push_back(subRegion(c, rest, bgr.size()));
      continue;
    }
    if (rowsInside == 1 && spanAlong(fine, inside) >= 0.85 * std::max(c.box.width, c.box.height)) {
      // one row that fine lines span: the full-resolution outline replaces the coarse one, which saw the row at a
      // fifth of its size or less. Its outline is loose (twice as tall: "Gain 47 DROO", masked as a name, for "Gain
      // 47 DR 60", read at 0.94 from the fine line) or stops early (13 px print is 5 px there: "Hôpital Nord, M" for
      // "Hôpital Nord, Marseille"), and OCR reads it poorly ("More" at 0.17, dropped, for a 17 px name on a label)
      continue;
    }
    // (its outline, not its upright box, must hold the fine line: on a page turned by 1.7 degrees, the upright box of
    // a 2000 px line holds three quarters of the row above it, and "DUMONT-ROCHÉ Pierre" was never read)
    for (std::size_t i : inside)
      if (lineHeight(c) <= 1.6f * lineHeight(fine[i]) && sharedArea(fine[i], c) >= 0.6 * fine[i].rect.size.area())
        used[i] = true;  // the coarse line already reads it
    out.push_back(c);
  }
  for (std::size_t i = 0; i < fine.size(); ++i)
    if (!used[i] && !(columnShaped(fine[i]) && crossingRows(fine[i].box, fine) >= 2)) out.push_back(fine[i]);
  for (TextRegion& tail : rowTailsMissed(rows, tiles, out)) out.push_back(std::move(tail));
  return out;
}

std::vector<TextRegion> dbTextRegions(const cv::Mat& bgr, const TextOptions& o, const util::CancelToken& cancel) {
  if (o.modelPath.empty() || bgr.empty()) return {};
  // OpenCV 4.6 gives an all-zero output for this network once the input shape changes: every inference uses the
  // same tile size (dbTileSide, a multiple of 32), the image being scaled and padded to fit.
  const int tile = roundUp32(std::max(o.dbTileSide, 64)), overlap = 64;
  const int longSide = std::max(bgr.cols, bgr.rows);
  const int target = (double(bgr.total()) > 4e6 ? std::max(o.dbLargeSide, tile) : tile) - 2 * o.dbPad;
  const double scale = std::min(3.0, double(target) / longSide);  // small images are enlarged (up to 3x)
  cv::Mat scaled, padded;
  if (scale != 1.0)
    cv::resize(bgr, scaled, {}, scale, scale, scale < 1.0 ? cv::INTER_AREA : cv::INTER_LINEAR);
  else
    scaled = bgr;
  const cv::Scalar border = cv::mean(scaled.row(0));
  cv::copyMakeBorder(scaled, padded, o.dbPad, std::max(o.dbPad, tile - scaled.rows - o.dbPad), o.dbPad,
                     std::max(o.dbPad, tile - scaled.cols - o.dbPad), cv::BORDER_CONSTANT, border);
  // several tiles (images above 4 MP with dbLargeSide), run on the pipeline's workers when o.parallelFor is set: a
  // line crossing a tile's inner edge is seen cut by both tiles, merged and joined as in the small-text pass
  std::vector<cv::Point> origins;
  for (int y0 : tileOrigins(padded.rows, tile, overlap))
    for (int x0 : tileOrigins(padded.cols, tile, overlap)) origins.emplace_back(x0, y0);
  std::vector<std::vector<TextRegion>> perTile(origins.size());
  std::vector<std::vector<std::array<bool, 2>>> cutPerTile(origins.size());
  auto runTile = [&](std::size_t i) {
    if (cancel.cancelled()) return;
    const int x0 = origins[i].x, y0 = origins[i].y;
    const cv::Mat prob = probabilityMap(padded(cv::Rect(x0, y0, tile, tile)), o.modelPath);
    // map: tile pixel -> padded pixel (+x0,+y0) -> scaled pixel (-pad) -> image pixel (/scale)
    postProcess(prob, o, scale, cv::Point2f(float((x0 - o.dbPad) / scale), float((y0 - o.dbPad) / scale)), perTile[i]);
    const double left = (x0 - o.dbPad) / scale, right = (x0 + tile - o.dbPad) / scale;
    for (const auto& f : perTile[i])
      cutPerTile[i].push_back({x0 > 0 && f.box.x <= left + cutSlack(f, scale),
                               x0 + tile < padded.cols && f.box.br().x >= right - cutSlack(f, scale)});
  };
  if (o.parallelFor && origins.size() > 1)
    o.parallelFor(origins.size(), runTile);
  else
    for (std::size_t i = 0; i < origins.size(); ++i) runTile(i);
  if (cancel.cancelled()) return {};
  std::vector<TextRegion> kept;
  std::vector<std::array<bool, 2>> cut;
  mergeTileLines(perTile, cutPerTile, bgr.size(), kept, cut);
  // coarse scale 1 or more already shows the image at full resolution: nothing finer to see
  if (o.refine && scale < 1.0 && !cancel.cancelled()) return refineSmallText(bgr, std::move(kept), o, cancel);
  return kept;
}

}  // namespace medpics::detect
