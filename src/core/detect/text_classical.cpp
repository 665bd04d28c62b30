// Classical text-line localiser (complements the network on radiograph annotations in either polarity and tiny print):
// morphological gradient -> Otsu -> horizontal closing -> components, kept when they look like a row of glyphs.
#include "medpics/detect/text_regions.hpp"
#include "medpics/detect/ink_mask.hpp"
#include "medpics/detect/text_context.hpp"
#include "medpics/detect/text_rows.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>

namespace medpics::detect {
bool looksLikeGlyphRow(const cv::Mat& gray, int minGlyphs) {
  cv::Mat bin;
  cv::threshold(gray, bin, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
  const double white = cv::countNonZero(bin) / double(bin.total());
  if (white > 0.5) cv::bitwise_not(bin, bin);  // ink is the minority class
  const double ink = std::min(white, 1.0 - white);
  if (ink < 0.06 || ink > 0.6) return false;
  cv::Mat labels, stats, centroids;
  const int n = cv::connectedComponentsWithStats(bin, labels, stats, centroids, 8);
  int glyphs = 0;
  for (int i = 1; i < n; ++i) {
    const int h = stats.at<int>(i, cv::CC_STAT_HEIGHT), w = stats.at<int>(i, cv::CC_STAT_WIDTH);
    if (h >= 0.3 * gray.rows && h <= gray.rows && w <= 2.5 * h && stats.at<int>(i, cv::CC_STAT_AREA) >= 6) ++glyphs;
  }
  return glyphs >= minGlyphs;
}

std::vector<TextRegion> classicalTextRegions(const cv::Mat& bgr, const TextOptions& o) {
  std::vector<TextRegion> out;
  if (bgr.empty()) return out;
  const int longSide = std::max(bgr.cols, bgr.rows);
  const double scale = std::min(1.0, double(o.classicalSide) / longSide);
  cv::Mat gray, small;
  cv::cvtColor(bgr, gray, cv::COLOR_BGR2GRAY);
  if (scale < 1.0)
    cv::resize(gray, small, {}, scale, scale, cv::INTER_AREA);
  else
    small = gray;

  cv::Mat grad, bin, joined;
  cv::morphologyEx(small, grad, cv::MORPH_GRADIENT, cv::getStructuringElement(cv::MORPH_ELLIPSE, {3, 3}));
  const double otsu = cv::threshold(grad, bin, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
  if (otsu < 40) cv::threshold(grad, bin, 40, 255, cv::THRESH_BINARY);  // flat images: keep only strong edges
  cv::morphologyEx(bin, joined, cv::MORPH_CLOSE, cv::getStructuringElement(cv::MORPH_RECT, {9, 1}));
  cv::morphologyEx(joined, joined, cv::MORPH_OPEN, cv::getStructuringElement(cv::MORPH_RECT, {3, 2}));

  std::vector<std::vector<cv::Point>> contours;
  cv::findContours(joined, contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
  const cv::Rect image(0, 0, bgr.cols, bgr.rows);
  for (const auto& c : contours) {
    const cv::Rect r = cv::boundingRect(c);
    if (r.height < 7 || r.height > 90 || r.width < 1.5 * r.height || r.width < 14) continue;
    const double fill = cv::countNonZero(joined(r)) / double(r.area());
    if (fill < 0.45) continue;
    const cv::Rect padded =
        cv::Rect(r.x - 2, r.y - 2, r.width + 4, r.height + 4) & cv::Rect(0, 0, small.cols, small.rows);
    if (!looksLikeGlyphRow(small(padded))) continue;
    TextRegion region;
    const cv::Rect full(int(padded.x / scale), int(padded.y / scale), int(std::ceil(padded.width / scale)),
                        int(std::ceil(padded.height / scale)));
    region.box = full & image;
    region.rect =
        cv::RotatedRect(cv::Point2f(region.box.x + region.box.width / 2.f, region.box.y + region.box.height / 2.f),
                        cv::Size2f(float(region.box.width), float(region.box.height)), 0.f);
    region.score = float(std::min(0.9, fill));
    region.source = "morph";
    out.push_back(region);
  }
  return out;
}

std::vector<TextRegion> mergeTextRegions(std::vector<TextRegion> network, const std::vector<TextRegion>& classical) {
  std::vector<const TextRegion*> extra;
  for (const auto& c : classical) {
    double covered = 0;
    for (const auto& n : network) covered += (n.box & c.box).area();
    if (covered < 0.5 * c.box.area()) extra.push_back(&c);
  }
  for (const auto* c : extra) network.push_back(*c);
  return network;
}

}  // namespace medpics::detect

namespace medpics::detect {

// Median height of the glyph-sized shapes (4-24 px high, at most 3x wider than high) in the Otsu ink of a crop
// when there are at least four of them; 0 otherwise.
static int smallGlyphHeight(const cv::Mat& gray) {
  cv::Mat bin;
  cv::threshold(gray, bin, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
  const double white = cv::countNonZero(bin) / double(bin.total());
  if (white > 0.5) cv::bitwise_not(bin, bin);
  const double ink = std::min(white, 1.0 - white);
  if (ink < 0.03 || ink > 0.6) return 0;
  cv::Mat labels, stats, centroids;
  const int n = cv::connectedComponentsWithStats(bin, labels, stats, centroids, 8);
  std::vector<int> heights;
  for (int i = 1; i < n; ++i) {
    const int h = stats.at<int>(i, cv::CC_STAT_HEIGHT), w = stats.at<int>(i, cv::CC_STAT_WIDTH);
    const int area = stats.at<int>(i, cv::CC_STAT_AREA);
    if (h < 4 || h > 24 || area < 6) continue;
    const bool wordFill = area >= 0.25 * w * h && area <= 0.8 * w * h;
    if (w > 1.5 * h && w <= 10 * h && wordFill) {
      // a word whose letters touch (serif print of 8-10 px after JPEG, a 9 px camera stamp "Bihan" blurred into one
      // 21 x 7 px shape): about one glyph per 0.7 h of width; a bar or a rule is solid, not a word
      for (int k = 0; k < int(w / (0.7 * h)); ++k) heights.push_back(h);
    } else if (w <= 3 * h) {
      heights.push_back(h);
    }
  }
  if (heights.size() < 4) return 0;
  std::nth_element(heights.begin(), heights.begin() + long(heights.size() / 2), heights.end());
  return heights[heights.size() / 2];
}

// True when the ink of `gray` (Otsu, the minority class) lies in two or more bands of rows separated by blank rows,
// most of it in bands no taller than 2.5 glyph heights: lines of small print, not one line of large letters whose
// accents and dots are small shapes too.
static bool holdsRowsOf(const cv::Mat& gray, int glyphH) {
  cv::Mat bin;
  cv::threshold(gray, bin, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
  if (cv::countNonZero(bin) > 0.5 * double(bin.total())) cv::bitwise_not(bin, bin);
  int bands = 0, inSmall = 0, inked = 0, run = 0;
  for (int y = 0; y <= bin.rows; ++y) {
    if (y < bin.rows && cv::countNonZero(bin.row(y)) >= std::max(1, bin.cols / 50)) {
      ++run;
      continue;
    }
    if (run > 0) {
      ++bands;
      inked += run;
      if (run <= 2.5 * glyphH) inSmall += run;
    }
    run = 0;
  }
  if (bands >= 2 && inSmall >= 0.7 * inked) return true;
  // (a block turned a degree or two and blurred: its rows touch in the upright profile; levelled along the ink's slope
  // and parted at 12 % of the densest row, they show, five 8 px lines 13 px apart of a bordered block turned 1.5
  // degrees on a lab report at JPEG q74)
  const double slope = inkSlope(gray);
  if (slope == 0.0) return false;
  cv::Mat level;
  const cv::Mat shear = (cv::Mat_<double>(2, 3) << 1, 0, 0, slope, 1, -slope * gray.cols / 2.0);
  cv::warpAffine(gray, level, shear, gray.size(), cv::INTER_LINEAR | cv::WARP_INVERSE_MAP, cv::BORDER_REPLICATE);
  const std::vector<std::pair<int, int>> levelRows = inkRows(level);
  if (levelRows.size() < 2) return false;
  int small = 0, total = 0;
  for (const auto& [top, bottom] : levelRows) {
    total += bottom - top;
    small += bottom - top <= 2.5 * glyphH ? bottom - top : 0;
  }
  return small >= 0.7 * total;
}

// The straight strokes of `edges` 30 working pixels long or more, along x (`horizontal`) or y: rules, frames, bars.
static cv::Mat longStrokes(const cv::Mat& edges, bool horizontal) {
  cv::Mat strokes;
  const cv::Size kernel = horizontal ? cv::Size(30, 1) : cv::Size(1, 30);
  cv::morphologyEx(edges, strokes, cv::MORPH_OPEN, cv::getStructuringElement(cv::MORPH_RECT, kernel));
  return strokes;
}

// True when a component's long horizontal strokes (`horizontal`, its box) run along 65 % of its width in its top fifth
// and in its bottom fifth: the top and bottom edges of a box, or two rules around a block. The strokes of a fifth are
// united over its rows: the edge of a box turned by a degree falls 8 px across 456 px (a bordered identity block of
// 10 px lines on a 2489 x 3318 report at the working scale), no single row holds it, and the opening that finds the
// strokes loses a quarter of a thin edge where it steps from one row to the next (75 % and 79 % were left).
static bool framed(const cv::Mat& horizontal) {
  const auto spans = [&](int from, int to) {
    from = std::max(0, from);
    to = std::min(horizontal.rows, to);
    if (to <= from) return false;
    cv::Mat covered;
    cv::reduce(horizontal.rowRange(from, to), covered, 0, cv::REDUCE_MAX);
    return cv::countNonZero(covered) >= 0.65 * horizontal.cols;
  };
  const int fifth = std::max(1, horizontal.rows / 5);
  return spans(0, fifth) && spans(horizontal.rows - fifth, horizontal.rows);
}

// True when a component's edges run along 70 % of the outline of their smallest turned rectangle: a box turned by a
// degree or more, whose edges step from row to row in runs shorter than the opening that finds straight strokes (a
// 1 px frame 1000 px wide around a block of 12 px extra-light lines, turned 2.7 degrees on a 2378 x 3364 report).
// `frame`: that outline, nine working pixels thick, to take out of the edges (five left the frame of a 20 px block
// turned 1.3 degrees on a 4 MP report in one part with its four lines, 479 x 116 px, too sparse to be rows). What it
// framed is print of any number of rows (the lines of such a block, turned, touch at the working scale two by two and
// show no rows apart).
static bool framedTurned(const cv::Mat& edges, cv::Mat& frame) {
  std::vector<cv::Point> points;
  cv::findNonZero(edges, points);
  if (points.size() < 20) return false;
  cv::Point2f corners[4];
  cv::minAreaRect(points).points(corners);
  std::vector<cv::Point> outline(corners, corners + 4);
  cv::Mat line = cv::Mat::zeros(edges.size(), CV_8U), near;
  cv::polylines(line, std::vector<std::vector<cv::Point>>{outline}, true, cv::Scalar(255), 1);
  cv::dilate(edges, near, cv::getStructuringElement(cv::MORPH_RECT, {3, 3}));
  const int length = cv::countNonZero(line);
  if (length == 0 || cv::countNonZero(line & near) < 0.7 * length) return false;
  cv::dilate(line, frame, cv::getStructuringElement(cv::MORPH_RECT, {9, 9}));
  return true;
}

// The edges of a colour image at the working scale `w` (`gray`: its luminance there) that only colour shows: the
// morphological gradient of the largest distance of a channel from the luminance. Empty for a grey image.
static cv::Mat colourOnlyEdges(const cv::Mat& bgr, const cv::Mat& gray, double w) {
  if (bgr.channels() != 3) return {};
  cv::Mat small, distance, edges;
  if (w < 1.0)
    cv::resize(bgr, small, gray.size(), 0, 0, cv::INTER_AREA);
  else
    small = bgr;
  cv::Mat channels[3];
  cv::split(small, channels);
  for (cv::Mat& c : channels) cv::absdiff(c, gray, c);
  distance = cv::max(channels[0], cv::max(channels[1], channels[2]));
  cv::morphologyEx(distance, edges, cv::MORPH_GRADIENT, cv::getStructuringElement(cv::MORPH_RECT, {3, 3}));
  return edges;
}

std::vector<cv::Rect> smallTextRows(const cv::Mat& bgr, const std::vector<TextRegion>& found,
                                    std::vector<cv::Rect>* faint) {
  std::vector<cv::Rect> rows, faintRows;
  bool faintPass = false;
  if (bgr.empty()) return rows;
  // Working scale: 8 px glyphs stay at least 3 px high (12 MP images are read at 1600 px).
  const int longSide = std::max(bgr.cols, bgr.rows);
  const double w = std::min(1.0, 1600.0 / longSide);
  cv::Mat gray, small, grad, bin;
  cv::cvtColor(bgr, gray, cv::COLOR_BGR2GRAY);
  if (w < 1.0)
    cv::resize(gray, small, {}, w, w, cv::INTER_AREA);
  else
    small = gray;
  cv::morphologyEx(small, grad, cv::MORPH_GRADIENT, cv::getStructuringElement(cv::MORPH_RECT, {3, 3}));
  const double otsu = cv::threshold(grad, bin, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
  const cv::Rect image(0, 0, bgr.cols, bgr.rows);
  // Three thresholds: Otsu (at least 30) keeps text apart from a faint grid; a low one (25-35) keeps small faint
  // print, which loses contrast when scaled down, where strong edges (bones, page borders) raise Otsu; 20 keeps 8 px
  // extra-light grey print (gradient 20-30 at the working scale) on a page whose bold table raises Otsu to 55. Each
  // candidate is checked for glyphs at full resolution below.
  // A component (working pixels) that may be a row: kept when its crop at full resolution holds glyphs that found
  // lines do not already resolve. `smallPrint`: only a line or a block of lines of print up to 13 px (a part of a
  // sparse component: the large header lines of an ECG's panel, whose grid makes small shapes, are not refined).
  // `block`: only a block of two rows or more of such print. `label`: print beside a code's bars or inside a turned
  // frame, any number of rows (their lines touch at the working scale, and a tile is all a code's label costs), of
  // glyphs up to 24 px: the coarse pass of a 4 MP report (576 px) sees 20 px print framed there at 5 px, and missed
  // a whole identity block.
  const auto consider = [&](int x, int y, int cw, int ch, bool smallPrint, bool block = false, bool label = false) {
    const int pad = int(std::ceil(2 / w));
    const cv::Rect row = cv::Rect(int(x / w) - pad, int(y / w) - pad, int(std::ceil(cw / w)) + 2 * pad,
                                  int(std::ceil(ch / w)) + 2 * pad) &
                         image;
    const auto seen = [&](const cv::Rect& r) { return (r & row).area() >= 0.8 * row.area(); };
    if (std::any_of(rows.begin(), rows.end(), seen) || std::any_of(faintRows.begin(), faintRows.end(), seen))
      return;  // already a candidate at another threshold
    // texture is not text: at full resolution the row must hold glyph-like shapes
    const cv::Mat crop = printGray(bgr(row));
    const int glyphH = smallGlyphHeight(crop);
    if (glyphH == 0) return;
    const int largest = label ? 24 : 13;
    if (smallPrint &&
        (glyphH > largest || (!label && (block || row.height > 3 * glyphH) && !holdsRowsOf(crop, glyphH))))
      return;
    // resolved: found lines cover most of the row and are lines of these glyphs, not several rows merged
    int covered = 0;
    for (const auto& r : found) {
      const float lineH = std::min(r.rect.size.width, r.rect.size.height);
      if (lineH <= 2.6f * glyphH) covered += (r.box & row).area();
    }
    if (covered < 0.6 * row.area()) (faintPass ? faintRows : rows).push_back(row);
  };
  // rows of glyphs about 6-22 px high in the image, or blocks of such rows (a bordered identity block) that the
  // working scale merged
  const auto rowShaped = [&](int cw, int ch) { return ch >= 2 && ch / w >= 6 && ch / w <= 140 && cw >= 1.5 * ch; };
  // (and a fourth, on colour: print of about its background's luminance, an orange camera stamp on skin, has no edge
  // in grey; it has in the largest distance of a colour channel from the luminance, which black, white and grey print
  // leave flat)
  std::vector<std::pair<cv::Mat, double>> passes = {
      {grad, std::max(otsu, 30.0)}, {grad, std::clamp(otsu, 25.0, 35.0)}, {grad, 20.0}};
  if (const cv::Mat colourEdges = colourOnlyEdges(bgr, small, w); !colourEdges.empty())
    passes.push_back({colourEdges, std::max(cv::threshold(colourEdges, bin, 0, 255, cv::THRESH_OTSU), 30.0)});
  for (const auto& [edges, t] : passes) {
    faintPass = t == 20.0 && edges.data == grad.data;
    cv::threshold(edges, bin, t, 255, cv::THRESH_BINARY);
    cv::Mat joined, labels, stats, centroids;
    cv::morphologyEx(bin, joined, cv::MORPH_CLOSE, cv::getStructuringElement(cv::MORPH_RECT, {5, 1}));
    const int n = cv::connectedComponentsWithStats(joined, labels, stats, centroids, 8);
    for (int i = 1; i < n; ++i) {
      const int x = stats.at<int>(i, cv::CC_STAT_LEFT), y = stats.at<int>(i, cv::CC_STAT_TOP);
      const int cw = stats.at<int>(i, cv::CC_STAT_WIDTH), ch = stats.at<int>(i, cv::CC_STAT_HEIGHT);
      const bool sparse = stats.at<int>(i, cv::CC_STAT_AREA) < 0.35 * cw * ch;
      // a grid (an ECG's, left by the grid removal when it is darker than the print): one sparse component over a
      // large part of the image, its lines tying rows of print to each other
      const bool grid = sparse && ch / w > 140 && cw >= 0.25 * bin.cols && ch >= 0.25 * bin.rows;
      // (a block of short lines of small print in the header or footer band merges at the working scale into a shape
      // about as high as wide: four 8 px lines of 47-69 px in a 3810 px ultrasound's corner made 29 x 20 px, never a
      // row; it is one when it holds two rows or more of print up to 13 px)
      const cv::Rect fullBox(int(x / w), int(y / w), int(cw / w), int(ch / w));
      const bool squareBlock = !sparse && !rowShaped(cw, ch) && cw >= 0.8 * ch && ch / w >= 20 && ch / w <= 140 &&
                               inIdentityBand(fullBox, bgr.rows);
      if (squareBlock) {
        consider(x, y, cw, ch, true, true);
        continue;
      }
      const cv::Rect box(x, y, cw, ch);
      // the component's own edges (built only for the shapes taken apart below: most components are specks)
      const auto componentEdges = [&] { return cv::Mat(bin(box) & (labels(box) == i)); };
      // the rows of print in the component's edges once its long strokes are taken out of them
      const auto considerPartsWithout = [&](const cv::Mat& edges, const cv::Mat& strokes, double minFill, bool label) {
        cv::Mat parts, partLabels, partStats, partCentroids;
        cv::morphologyEx(edges & ~strokes, parts, cv::MORPH_CLOSE, cv::getStructuringElement(cv::MORPH_RECT, {5, 1}));
        const int m = cv::connectedComponentsWithStats(parts, partLabels, partStats, partCentroids, 8);
        for (int j = 1; j < m; ++j) {
          const int pw = partStats.at<int>(j, cv::CC_STAT_WIDTH), ph = partStats.at<int>(j, cv::CC_STAT_HEIGHT);
          if (rowShaped(pw, ph) && partStats.at<int>(j, cv::CC_STAT_AREA) >= minFill * pw * ph)
            consider(x + partStats.at<int>(j, cv::CC_STAT_LEFT), y + partStats.at<int>(j, cv::CC_STAT_TOP), pw, ph,
                     true, false, label);
        }
      };
      cv::Mat vertical;
      if (!rowShaped(cw, ch) && !grid) {
        // (a dense shape of long vertical strokes, a code's bars, holds the rows of the label's print right above or
        // under the code, which the working scale joined to its bars: the 8-13 px lines of a wristband's label over
        // its Code128 on a 3798 px photo made one 417 x 866 px shape with the bars, seed 4967)
        if (!sparse && ch >= 40) {
          const cv::Mat edges = componentEdges();
          vertical = longStrokes(edges, false);
          if (cv::countNonZero(vertical) >= 0.25 * cv::countNonZero(edges))
            considerPartsWithout(edges, vertical, 0.25, true);
        } else if (sparse) {
          // (a box too high to be a row, 1009 x 147 px around four 12 px lines, holds rows once its frame is out)
          const cv::Mat edges = componentEdges();
          cv::Mat frame;
          if (framedTurned(edges, frame)) {
            considerPartsWithout(edges, frame, 0.35, true);
          } else {
            // (a long straight edge, an object's side, ties print to what lies along it: a tube's side joined a
            // sticker's three 10 px lines and its code into one shape 1700 px high on a 12 MP photo, 0 % found;
            // with the long strokes out, the lines are rows again)
            considerPartsWithout(edges, longStrokes(edges, true) | longStrokes(edges, false), 0.35, false);
          }
        }
        continue;
      }
      if (!sparse) {
        consider(x, y, cw, ch, false);
        continue;
      }
      // a sparse component: lines of print closed with the rules or the border of their box (a bordered identity
      // block of 10 px lines on a 10 MP report) are rows once the long strokes are taken out of it
      const cv::Mat edges = componentEdges();
      const cv::Mat horizontal = longStrokes(edges, true);
      // an ECG trace's baseline and spikes are long strokes, no frame; in the header or footer band the grid's darker
      // lines that the grid removal leaves tie a block of small print to each other without framing it (a 9 px
      // header of four lines on a 3809 x 2693 ECG, joined to a rule on its left at the working scale): such a shape,
      // 150 x 20 px or more, is a row to refine when it holds two rows or more of print up to 13 px (specks between
      // the 50 px lines of another ECG's header made rows whose tiles cut those lines)
      cv::Mat turnedFrame;
      const bool outlined = !grid && framedTurned(edges, turnedFrame);
      if (!grid && !framed(horizontal)) {
        if (outlined)
          considerPartsWithout(edges, turnedFrame, 0.35, true);
        else if (inIdentityBand(fullBox, bgr.rows) && fullBox.width >= 150 && fullBox.height >= 20)
          consider(x, y, cw, ch, true, true);
        continue;
      }
      vertical = longStrokes(edges, false);
      considerPartsWithout(edges, horizontal | vertical, 0.35, false);
      // small print a few pixels inside its frame joins the frame's side at the working scale and its lines, solid
      // there, go out with the rules (four 10 px italic lines 9 px inside a 1300 x 80 px frame on a 12 MP report,
      // 0 % found): with only the frame's outline taken out, they stay
      if (outlined) considerPartsWithout(edges, turnedFrame, 0.35, true);
    }
  }
  // a region of the network much taller than the glyphs in it merged several rows of small print (a block of 9 px
  // lines in a 3550 px ultrasound's corner, read as "=="): it is a row to refine too, whatever its shape
  for (const auto& r : found) {
    const cv::Rect box = r.box & image;
    if (box.area() <= 0 || r.source != "ppocr-db") continue;
    if (std::any_of(rows.begin(), rows.end(),
                    [&](const cv::Rect& row) { return (row & box).area() >= 0.8 * box.area(); }))
      continue;
    const cv::Mat crop = printGray(bgr(box));
    const int glyphH = smallGlyphHeight(crop);
    if (glyphH > 0 && glyphH <= 13 && std::min(r.rect.size.width, r.rect.size.height) > 2.6f * float(glyphH) &&
        holdsRowsOf(crop, glyphH))
      rows.push_back(box);
  }
  if (faint)
    *faint = std::move(faintRows);
  else
    rows.insert(rows.end(), faintRows.begin(), faintRows.end());
  return rows;
}

}  // namespace medpics::detect
