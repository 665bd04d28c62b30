// ZXing-cpp reader over a grey copy of the image (all formats, rotations tried), mapped to barcode findings.
#include "medpics/detect/codes.hpp"

#include "medpics/detect/classify.hpp"
#include "medpics/detect/codes_linear.hpp"
#include "medpics/detect/codes_stacked.hpp"
#include "medpics/detect/ink_mask.hpp"
#include "medpics/detect/lexicon.hpp"

#include <ZXing/ReadBarcode.h>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <initializer_list>
#include <optional>
#include <string_view>

namespace medpics::detect {
namespace {

std::string categoryOf(ZXing::BarcodeFormat f) {
  using F = ZXing::BarcodeFormat;
  if (f == F::QRCode || f == F::MicroQRCode) return "qr";
  if (f == F::DataMatrix) return "datamatrix";
  if (f == F::Aztec || f == F::PDF417 || f == F::MaxiCode) return "2d-code";
  return "barcode";
}

// The 2-D symbologies read, Micro QR left out: ZXing-cpp 1.4's Micro QR sampler asserts on some ECG traces
// ("intersect: l1.isValid() && l2.isValid()", zxing-cpp issues #855 and #1154), and Debian builds it with its
// asserts, so the whole process aborted on an ordinary ECG. A Micro QR is still masked as an unreadable code when the
// matrix localiser finds it.
constexpr auto kMatrixFormats = ZXing::BarcodeFormat::Aztec | ZXing::BarcodeFormat::DataMatrix |
                                ZXing::BarcodeFormat::MaxiCode | ZXing::BarcodeFormat::PDF417 |
                                ZXing::BarcodeFormat::QRCode;

// ZXing-cpp 1.4 asserts (Result::operator==, lineCount() == 1) when it de-duplicates several linear symbols, so
// linear codes are read one at a time (maxNumberOfSymbols 1), blanking each one found; matrix codes in one call.
ZXing::Results readAll(cv::Mat gray) {
  ZXing::DecodeHints hints;
  hints.setTryHarder(true);
  hints.setTryRotate(true);
  hints.setFormats(kMatrixFormats);
  ZXing::Results results = ZXing::ReadBarcodes(
      ZXing::ImageView(gray.data, gray.cols, gray.rows, ZXing::ImageFormat::Lum, int(gray.step)), hints);
  hints.setFormats(ZXing::BarcodeFormat::LinearCodes);
  hints.setMaxNumberOfSymbols(1);
  for (int i = 0; i < 4; ++i) {
    ZXing::Result r = ZXing::ReadBarcode(
        ZXing::ImageView(gray.data, gray.cols, gray.rows, ZXing::ImageFormat::Lum, int(gray.step)), hints);
    if (!r.isValid()) break;
    std::vector<cv::Point> pts;
    for (const auto& p :
         {r.position().topLeft(), r.position().topRight(), r.position().bottomRight(), r.position().bottomLeft()})
      pts.emplace_back(p.x, p.y);
    cv::Rect box = cv::boundingRect(pts);
    box.y -= std::max(10, box.width / 4);
    box.height += 2 * std::max(10, box.width / 4);
    box.x -= 10;
    box.width += 20;
    gray(box & cv::Rect(0, 0, gray.cols, gray.rows)).setTo(255);
    results.push_back(std::move(r));
  }
  return results;
}

// Extent of a 1-D barcode around its decoded scan line: the connected area where the gradient across the bars
// dominates the gradient along them (classical barcode localisation), united with the scan line.
cv::Rect linearExtent(const cv::Mat& gray, const cv::Rect& scan) {
  const bool horizontal = scan.width >= scan.height;
  const int reach = std::max(scan.width, scan.height);
  // across the scan line, bars may run three times the symbol's length (a wristband's Code 128, 189 px long and 538 px
  // high, was covered over its middle 405 px only)
  const cv::Rect window =
      (horizontal ? cv::Rect(scan.x - reach / 2, scan.y - 3 * reach, scan.width + reach, scan.height + 6 * reach)
                  : cv::Rect(scan.x - 3 * reach, scan.y - reach / 2, scan.width + 6 * reach, scan.height + reach)) &
      cv::Rect(0, 0, gray.cols, gray.rows);
  const cv::Rect fallback = cv::Rect(scan.x, scan.y - (horizontal ? reach / 8 : 0), scan.width + 1,
                                     scan.height + (horizontal ? reach / 4 : 1)) &
                            cv::Rect(0, 0, gray.cols, gray.rows);
  if (window.area() <= 0) return fallback;
  cv::Mat gx, gy, diff;
  cv::Sobel(gray(window), gx, CV_16S, 1, 0);
  cv::Sobel(gray(window), gy, CV_16S, 0, 1);
  cv::convertScaleAbs(gx, gx);
  cv::convertScaleAbs(gy, gy);
  cv::subtract(horizontal ? gx : gy, horizontal ? gy : gx, diff);
  cv::blur(diff, diff, {9, 9});
  cv::threshold(diff, diff, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
  cv::morphologyEx(diff, diff, cv::MORPH_CLOSE,
                   cv::getStructuringElement(cv::MORPH_RECT, horizontal ? cv::Size(21, 7) : cv::Size(7, 21)));
  std::vector<std::vector<cv::Point>> contours;
  cv::findContours(diff, contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
  const cv::Point2f mid(float(scan.x + scan.width / 2 - window.x), float(scan.y + scan.height / 2 - window.y));
  for (const auto& c : contours)
    if (cv::pointPolygonTest(c, mid, false) >= 0) return (cv::boundingRect(c) + window.tl()) | fallback;
  return fallback;
}

// Rows of a 1-D symbol around its scan line: each row repeats its neighbour (within one pixel of shift, for a
// symbol rotated a few degrees) and keeps most of the scan line's transitions, binarised at the scan line's Otsu level
// or at its own; the rows end at the quiet zone (a row of half the scan line's contrast or less) or at text printed
// under or above the bars. (At the scan line's level, a Code 93 of 1.5 px modules turned 1.2 degrees kept its thin
// spaces only in the 16 rows where its bars met the pixel grid, 85 transitions; in the rest, grey, they merged: 39.
// At each row's own level, the grey edges of a Code 128 at JPEG q37 flip from row to row: 73 % agreement.)
std::pair<int, int> barRows(const cv::Mat& gray, int x0, int x1, int scanY) {
  x0 = std::clamp(x0, 0, gray.cols - 1);
  x1 = std::clamp(x1, x0 + 1, gray.cols);
  scanY = std::clamp(scanY, 0, gray.rows - 1);
  auto row = [&](int y) { return gray(cv::Range(y, y + 1), cv::Range(x0, x1)); };
  auto contrast = [&](int y) {
    double lo = 0, hi = 0;
    cv::minMaxLoc(row(y), &lo, &hi);
    return hi - lo;
  };
  cv::Mat scanBin;
  const double level = cv::threshold(row(scanY), scanBin, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
  const double scanContrast = contrast(scanY);
  // a row binarised at the scan line's level and at its own; both empty for a row without the bars' contrast
  auto binarised = [&](int y) {
    std::array<cv::Mat, 2> out;
    if (contrast(y) <= 0.5 * scanContrast) return out;
    cv::threshold(row(y), out[0], level, 255, cv::THRESH_BINARY);
    cv::threshold(row(y), out[1], 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
    return out;
  };
  auto transitions = [](const cv::Mat& r) {
    int n = 0;
    for (int x = 1; x < r.cols; ++x) n += r.at<uchar>(0, x) != r.at<uchar>(0, x - 1);
    return n;
  };
  auto agreement = [](const cv::Mat& a, const cv::Mat& b) {
    double best = 0;
    for (int shift = -1; shift <= 1; ++shift) {
      int same = 0, n = 0;
      for (int x = 1; x + 1 < a.cols; ++x, ++n) same += a.at<uchar>(0, x) == b.at<uchar>(0, x + shift);
      best = std::max(best, n ? double(same) / n : 0.0);
    }
    return best;
  };
  const int scanTransitions = transitions(scanBin);
  auto walk = [&](int step) {  // up to two doubtful rows in a row are crossed (JPEG blocks, a scratch)
    std::array<cv::Mat, 2> prev{scanBin, scanBin};
    int y = scanY, misses = 0;
    for (int at = scanY + step; at >= 0 && at < gray.rows && misses < 3; at += step) {
      const std::array<cv::Mat, 2> r = binarised(at);
      const auto repeats = [&](int i) {
        return !r[i].empty() && agreement(prev[i], r[i]) >= 0.8 && transitions(r[i]) >= scanTransitions / 2;
      };
      if (!repeats(0) && !repeats(1)) {
        ++misses;
        continue;
      }
      misses = 0;
      prev = r;
      y = at;
    }
    return y;
  };
  return {walk(-1), walk(1)};
}

// Candidate 2-D codes (DataMatrix, QR, Aztec, in any state): solid square blobs of dense, two-directional modules.
// Closings of several sizes unite modules of 1 to about 8 px; small blobs (down to 10 px) need fewer transitions.
// True when two adjacent sides of a binarised candidate (ink 255) are dark along at least 75 % of their length (the
// outer two lines of each side are tried): the L finder pattern of a DataMatrix.
bool solidL(const cv::Mat& bin) {
  if (bin.rows < 6 || bin.cols < 6) return false;
  auto side = [&](bool vertical, bool far) {
    double best = 0;
    for (int k = 0; k < 2; ++k) {
      const int i = far ? (vertical ? bin.cols : bin.rows) - 1 - k : k;
      const cv::Mat line = vertical ? bin.col(i) : bin.row(i);
      best = std::max(best, cv::countNonZero(line) / double(line.total()));
    }
    return best >= 0.75;
  };
  const bool left = side(true, false), right = side(true, true), top = side(false, false), bottom = side(false, true);
  return (left || right) && (top || bottom);
}

// A binarised blob turned upright: its outline `rr` in `bin` warped to an upright rectangle of the outline's size (a
// rectangular DataMatrix turned by 7 degrees shows its L finder along the crop's sides only once straightened).
cv::Mat uprightBlob(const cv::Mat& bin, const cv::RotatedRect& rr) {
  cv::Mat turn = cv::getRotationMatrix2D(rr.center, rr.angle, 1.0);
  turn.at<double>(0, 2) += rr.size.width / 2 - rr.center.x;
  turn.at<double>(1, 2) += rr.size.height / 2 - rr.center.y;
  cv::Mat out;
  cv::warpAffine(bin, out, turn, cv::Size(std::max(1, cvRound(rr.size.width)), std::max(1, cvRound(rr.size.height))),
                 cv::INTER_NEAREST, cv::BORDER_CONSTANT, cv::Scalar(0));
  return out;
}

// `closings` are the kernel sides tried; `maxSide` (0: none) keeps only blobs up to that side (the fine pass).
// True when at least three quarters of the rows and of the columns of a binarised candidate (ink 255) are almost all
// ink or almost all paper: ruled lines, not modules.
bool gridLike(const cv::Mat& bin) {
  auto extremeShare = [](const cv::Mat& m, bool rows) {
    const int n = rows ? m.rows : m.cols;
    int extreme = 0;
    for (int i = 0; i < n; ++i) {
      const cv::Mat line = rows ? m.row(i) : m.col(i);
      const double ink = cv::countNonZero(line) / double(line.total());
      extreme += ink > 0.8 || ink < 0.2;
    }
    return extreme / double(std::max(1, n));
  };
  return extremeShare(bin, true) >= 0.75 && extremeShare(bin, false) >= 0.75;
}

// The longest run of consecutive rows (or columns) of `bin` (ink 255) holding some ink (3 % or more), as [from, to).
std::pair<int, int> longestInkRun(const cv::Mat& bin, bool rows) {
  const int n = rows ? bin.rows : bin.cols;
  std::pair<int, int> best{0, 0};
  for (int i = 0, start = 0; i <= n; ++i) {
    const bool inked = i < n && cv::countNonZero(rows ? bin.row(i) : bin.col(i)) >= 0.03 * (rows ? bin.cols : bin.rows);
    if (inked) continue;
    if (i - start > best.second - best.first) best = {start, i};
    start = i + 1;
  }
  return best;
}

// The core of a blob that fills its outline poorly: its largest part after an opening of `closed` by a k x k square
// within `box` (lines thinner than k go), cut down to its longest runs of inked rows and columns of `bin` (the gap to
// a line the closing bridged is blank). Returned as a rectangle when the opened mask fills it (80 %); none otherwise.
std::optional<std::vector<cv::Point>> openedCore(const cv::Mat& bin, const cv::Mat& closed, const cv::Rect& box, int k) {
  cv::Mat opened;
  cv::morphologyEx(closed(box), opened, cv::MORPH_OPEN, cv::getStructuringElement(cv::MORPH_RECT, {k, k}));
  std::vector<std::vector<cv::Point>> parts;
  cv::findContours(opened, parts, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
  if (parts.empty()) return std::nullopt;
  const auto& largest = *std::max_element(parts.begin(), parts.end(), [](const auto& x, const auto& y) {
    return cv::contourArea(x) < cv::contourArea(y);
  });
  cv::Rect core = cv::boundingRect(largest);
  const cv::Mat ink = bin(box)(core);
  const auto [y0, y1] = longestInkRun(ink, true);
  const auto [x0, x1] = longestInkRun(ink, false);
  core = cv::Rect(core.x + x0, core.y + y0, x1 - x0, y1 - y0);
  if (core.empty() || cv::countNonZero(opened(core)) < 0.8 * core.area()) return std::nullopt;
  core += box.tl();
  return std::vector<cv::Point>{core.tl(), {core.br().x - 1, core.y}, core.br() - cv::Point(1, 1),
                                {core.x, core.br().y - 1}};
}

// `nested` (coarse pass) is set, per candidate, when the blob lies inside another outline (a sticker's edge).
std::vector<cv::Rect> localiseMatrixCodes(const cv::Mat& gray, std::initializer_list<int> closings = {5, 11, 19},
                                          int maxSide = 0, std::vector<char>* nested = nullptr) {
  std::vector<cv::Rect> out;
  std::vector<char> isCore;  // parallel to out: a core or a blob kept for its stacked shape (hides no later blob)
  cv::Mat bin;
  cv::adaptiveThreshold(gray, bin, 255, cv::ADAPTIVE_THRESH_MEAN_C, cv::THRESH_BINARY_INV, 25, 10);
  auto transitions = [](const cv::Mat& m, bool rows) {
    double total = 0;
    const int n = rows ? m.rows : m.cols;
    for (int i = 0; i < n; ++i) {
      const cv::Mat line = rows ? m.row(i) : m.col(i).t();
      for (int k = 1; k < line.cols; ++k) total += line.at<uchar>(0, k) != line.at<uchar>(0, k - 1);
    }
    return total / std::max(1, n);
  };
  for (int k : closings) {
    cv::Mat closed;
    cv::morphologyEx(bin, closed, cv::MORPH_CLOSE, cv::getStructuringElement(cv::MORPH_RECT, {k, k}));
    std::vector<std::vector<cv::Point>> contours;
    std::vector<cv::Vec4i> hierarchy;
    // both passes also look inside other outlines: a wristband's or a sticker's edge closes into a ring around a
    // symbol printed on it; the coarse pass skips the holes (the cells of an ECG grid are holes, not blobs)
    cv::findContours(closed, contours, hierarchy, maxSide > 0 ? cv::RETR_LIST : cv::RETR_TREE, cv::CHAIN_APPROX_SIMPLE);
    for (std::size_t ci = 0; ci < contours.size(); ++ci) {
      std::vector<cv::Point> c = contours[ci];
      int depth = 0;
      if (maxSide == 0) {
        for (int parent = hierarchy[ci][3]; parent >= 0; parent = hierarchy[std::size_t(parent)][3]) ++depth;
        if (depth % 2 == 1) continue;
      }
      cv::RotatedRect rr = cv::minAreaRect(c);
      float a = std::min(rr.size.width, rr.size.height), b = std::max(rr.size.width, rr.size.height);
      // a code printed a few pixels from a sticker's edge or a rule closes into one blob with that line, which fills
      // its outline poorly (a 128 x 62 px DataMatrix under a label's edge on a 2238 px report: 0.68): the blob's core,
      // opened by the same kernel (a thin line goes, the solid symbol stays), is tried instead, and reported only
      // when decoded (the cores of a radiograph's textures look like codes as well). The fine pass tries the cores of
      // its small blobs too, when the core is most of its blob: a JPEG speck bridged to a 26 px QR code's corner
      // leaves it 0.70 of its outline (its core: 0.73 of the blob's box; a cell of dark ECG paper's grid: 0.13).
      bool core = false;
      const double minFill = maxSide > 0 ? 0.75 : 0.8;
      const bool coreTried = maxSide == 0 ? a >= std::max(10, 2 * k) : a >= 10 && b <= float(maxSide);
      if (coreTried && cv::contourArea(c) < minFill * a * b) {
        auto opened = openedCore(bin, closed, cv::boundingRect(c), k);
        if (opened && maxSide > 0 && cv::boundingRect(*opened).area() < 0.5 * cv::boundingRect(c).area())
          opened.reset();
        if (opened) {
          core = true;
          c = *opened;
          rr = cv::minAreaRect(c);
          a = std::min(rr.size.width, rr.size.height);
          b = std::max(rr.size.width, rr.size.height);
        }
      }
      // squares (DataMatrix, QR, Aztec) and rectangles up to 4:1 (rectangular DataMatrix, PDF417); the elongated
      // ones are reported only when decoded (a bold word closes into a similar blob). The fine pass sees a small
      // symbol's ragged outline at full resolution (a 33 px Aztec after JPEG q52 fills 0.79 of it) and asks 0.75.
      if (a < std::max(10, 2 * k) || b > 4.f * a || cv::contourArea(c) < minFill * a * b) continue;
      // (the fine pass: square or rectangular DataMatrix up to 2.5:1, e.g. 26 x 12 px)
      if (maxSide > 0 && (b > float(maxSide) || b > 2.5f * a)) continue;
      const cv::Rect r = cv::boundingRect(c) & cv::Rect(0, 0, gray.cols, gray.rows);
      cv::Mat roi = bin(r);
      double ink = cv::countNonZero(roi) / double(roi.total());
      const bool small = a < 24;
      // (fine pass) a small symbol of 1 px modules blurs into solid ink under the mean threshold (a 20 px Aztec at
      // JPEG q57: 0.91 of it, 1-2 transitions a row); Otsu over the blob alone still parts its modules (0.71 ink, 3-4
      // transitions a row, 11 pieces of paper; a bold glyph's blob: 1-2 pieces)
      bool otsuModules = false;
      if (maxSide > 0 && small && ink > 0.85) {
        cv::threshold(gray(r), roi, 0, 255, cv::THRESH_BINARY_INV | cv::THRESH_OTSU);
        ink = cv::countNonZero(roi) / double(roi.total());
        cv::Mat labels;
        otsuModules = cv::connectedComponents(~roi, labels, 4) - 1 >= 6;
      }
      // (a symbol of 1.3 px modules blurs into dense ink under the mean threshold: a 28 px QR code at JPEG q73, 0.78)
      const bool denseSmall = small || (maxSide > 0 && a < 32);
      if (ink < (small ? 0.2 : 0.3) || ink > (denseSmall ? 0.85 : 0.75)) continue;
      // the fine pass sees small symbols at full resolution, next to text: it asks for the module density of a code
      // a block of text lines (white settings printed on an ultrasound) closes into a square too, but has blank
      // rows between its lines; a code's modules fill every row
      if (!small) {
        int blank = 0;
        const int from = roi.rows / 10, to = roi.rows - roi.rows / 10;
        for (int y = from; y < to; ++y) blank += cv::countNonZero(roi.row(y)) < 0.03 * roi.cols;
        if (blank >= std::max(2, (to - from) / 12)) continue;
      }
      // a grid (the cells of ECG paper, a table's ruling) has rows and columns that are all ink or all paper; the
      // modules of a code mix in every row and column
      if (gridLike(roi)) continue;
      // a small rectangular candidate of the fine pass (reported undecoded) is a rectangular DataMatrix: it shows the L
      // finder, looked for on the blob and on the blob turned upright (two short ECG grid cells side by side close into
      // a similar dense rectangle)
      const bool finder = maxSide > 0 && (solidL(roi) || solidL(uprightBlob(bin, rr)));
      if (maxSide > 0 && b > 1.3f * a && !finder) continue;
      // (the fine pass sees short words too: it asks for a code's density of modules in both directions)
      const double minTransitions = maxSide > 0 ? 4 : small ? 2.5 : 5;
      const double rowT = transitions(roi, true), colT = transitions(roi, false);
      // fine pass: a small rectangular DataMatrix (26 x 12 px) has few transitions across its short side; its solid
      // L-shaped finder (two adjacent sides dark along their whole length) tells it from a short bold word
      const bool finderL = finder && std::min(rowT, colT) >= 2.5 && std::max(rowT, colT) >= 4;
      // (a square small symbol blurred by JPEG, a 22 px Aztec of 1 px modules at q60: 3.9 and 5.3)
      const bool blurredSquare =
          maxSide > 0 && b <= 1.3f * a && std::min(rowT, colT) >= 3.5 && std::max(rowT, colT) >= 5;
      const bool dense = (rowT >= minTransitions && colT >= minTransitions) || finderL || blurredSquare || otsuModules;
      // (coarse pass) a blurred PDF417 changes little down its columns, its rows of codewords merging (a 124 x 52 px
      // symbol at JPEG q42, 35 px high at 800 px: 20 changes along its rows, 5.0 down its columns; a bold word: under
      // 2); an oblong blob dense along its rows is kept for the candidate test, where only its start and stop guards
      // report it undecoded
      const bool stackedShape =
          maxSide == 0 && b >= 1.5f * a && std::max(rowT, colT) >= 10 && std::min(rowT, colT) >= 2.5;
      if (!dense && !stackedShape) continue;
      // (a core, reported only when decoded, never hides a candidate of a larger closing: a symbol whose finder is
      // gone is masked undecoded from that one; nor does a blob kept only for its stacked shape)
      bool known = false;
      for (std::size_t i = 0; i < out.size() && !known; ++i)
        known = (out[i] & r).area() > 0.5 * std::min(out[i].area(), r.area()) && (core || !isCore[i]);
      if (known) continue;
      out.push_back(r);
      isCore.push_back(core || !dense);
      if (nested) nested->push_back(depth > 0 || core);
    }
  }
  return out;
}

// True when the candidate `r` of `gray` shows a 2-D code's modules: about half of it inked (Otsu), in many pieces
// of paper (a 38 x 20 px DataMatrix: 11, a 36 px Aztec: 8, a 58 px QR: 27; a bold "V2" on an ECG, an "L" marker or a
// "0" in white on a radiograph: 1 or 2).
// Under 40 px, modules of 1-2 px blur together: the light ones merge (a 28 px QR code at JPEG q73: 4 pieces of
// paper, a 35 px Aztec at q39: 5) but its dark ones stay apart (8 and 7 pieces of ink, 8-connected; a bold glyph or
// two: 1-2).
bool showsModules(const cv::Mat& gray, const cv::Rect& r) {
  cv::Mat otsu, labels;
  cv::threshold(gray(r), otsu, 0, 255, cv::THRESH_BINARY_INV | cv::THRESH_OTSU);
  const double ink = cv::countNonZero(otsu) / double(std::max<std::size_t>(1, otsu.total()));
  if (ink < 0.3 || ink > 0.75) return false;
  const int paperPieces = cv::connectedComponents(~otsu, labels, 4) - 1;
  if (paperPieces >= 6) return true;
  return std::max(r.width, r.height) < 40 && paperPieces >= 3 && cv::connectedComponents(otsu, labels, 8) - 1 >= 6;
}

// True when the dark class of a grey crop (Otsu) covers more than 85 % of it: thin light lines on a dark ground, not
// modules (a code's dark class covers 30-75 %; the turned grid of an inverted ECG, 150 px cells at 3000 x 4000 px,
// made 31 square candidates of 93-97 %, each masked as an unreadable code).
bool thinLinesOnDark(const cv::Mat& gray) {
  if (gray.empty()) return false;
  cv::Mat dark;
  cv::threshold(gray, dark, 0, 255, cv::THRESH_BINARY_INV | cv::THRESH_OTSU);
  return cv::countNonZero(dark) > 0.85 * double(dark.total());
}

// True when the dark class of a grey crop (Otsu) is less than 30 % darker than its light class: a code is printed in
// dark ink (codes of the corpus's fine pass: 0.50-0.67; turned cells of pink ECG paper, whose sides passed the L finder
// test: 0.08-0.09; docs/benchmarks.md "Detection, session 16").
bool faintInk(const cv::Mat& gray) {
  if (gray.empty()) return true;
  cv::Mat light;
  cv::threshold(gray, light, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
  const double paper = cv::mean(gray, light)[0], ink = cv::mean(gray, ~light)[0];
  return paper - ink < 0.3 * std::max(1.0, paper);
}

bool squareish(const cv::Rect& r) { return std::max(r.width, r.height) <= 1.3 * std::min(r.width, r.height); }

// Second chance for a candidate region the whole-image pass did not decode: the crop is deskewed (angle of its
// blob), given a white quiet zone, upscaled to about 240 px and read with each binarizer, then once more as a pure
// symbol after Otsu thresholding.
std::optional<ZXing::Result> readCandidate(const cv::Mat& gray, const cv::Rect& region) {
  const int margin = std::max(4, std::max(region.width, region.height) / 4);
  const cv::Rect outer =
      cv::Rect(region.x - margin, region.y - margin, region.width + 2 * margin, region.height + 2 * margin) &
      cv::Rect(0, 0, gray.cols, gray.rows);
  cv::Mat crop = gray(outer).clone();
  // skew of the symbol: minimum-area rectangle of its dark modules
  cv::Mat dark;
  cv::threshold(crop, dark, 0, 255, cv::THRESH_BINARY_INV | cv::THRESH_OTSU);
  std::vector<cv::Point> pts;
  cv::findNonZero(dark, pts);
  double angle = 0;
  if (pts.size() > 8) {
    const cv::RotatedRect rr = cv::minAreaRect(pts);
    angle = rr.angle;
    while (angle > 45) angle -= 90;
    while (angle < -45) angle += 90;
  }
  const double scale = std::clamp(240.0 / std::max(crop.cols, crop.rows), 1.0, 12.0);
  cv::Mat big;
  cv::resize(crop, big, {}, scale, scale, scale >= 3 ? cv::INTER_CUBIC : cv::INTER_LINEAR);
  const double background = cv::mean(big, big > 128)[0];
  for (double a : {angle, 0.0}) {
    cv::Mat straight = big;
    if (std::abs(a) > 0.3) {
      const cv::Mat rot = cv::getRotationMatrix2D(cv::Point2f(big.cols / 2.f, big.rows / 2.f), a, 1.0);
      cv::warpAffine(big, straight, rot, big.size(), cv::INTER_CUBIC, cv::BORDER_REPLICATE);
    }
    cv::Mat framed;
    cv::copyMakeBorder(straight, framed, 24, 24, 24, 24, cv::BORDER_CONSTANT,
                       cv::Scalar(background > 0 ? background : 255));
    ZXing::DecodeHints hints;
    hints.setTryHarder(true);
    hints.setTryRotate(true);
    hints.setFormats(kMatrixFormats);
    for (auto binarizer :
         {ZXing::Binarizer::LocalAverage, ZXing::Binarizer::GlobalHistogram, ZXing::Binarizer::FixedThreshold}) {
      hints.setBinarizer(binarizer);
      ZXing::Result r = ZXing::ReadBarcode(
          ZXing::ImageView(framed.data, framed.cols, framed.rows, ZXing::ImageFormat::Lum, int(framed.step)), hints);
      if (r.isValid()) return r;
    }
    cv::Mat pure;
    cv::threshold(framed, pure, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
    hints.setBinarizer(ZXing::Binarizer::BoolCast);
    ZXing::Result r = ZXing::ReadBarcode(
        ZXing::ImageView(pure.data, pure.cols, pure.rows, ZXing::ImageFormat::Lum, int(pure.step)), hints);
    if (r.isValid()) return r;
  }
  return std::nullopt;
}

// True when too little of a candidate is dark neutral ink (under 20 % of its box; pixels whose channels differ by more
// than 45 are colour): the pink grid of ECG paper closes into dense squares like modules, and with it a lead label or
// a QRS spike in black; a code's modules are black and cover a third of its box or more.
bool littleNeutralInk(const cv::Mat& bgr) {
  if (bgr.empty() || bgr.channels() != 3) return false;
  cv::Mat gray, dark;
  cv::cvtColor(bgr, gray, cv::COLOR_BGR2GRAY);
  cv::threshold(gray, dark, 0, 255, cv::THRESH_BINARY_INV | cv::THRESH_OTSU);
  int neutral = 0;
  for (int y = 0; y < bgr.rows; ++y)
    for (int x = 0; x < bgr.cols; ++x) {
      if (!dark.at<uchar>(y, x)) continue;
      const cv::Vec3b p = bgr.at<cv::Vec3b>(y, x);
      neutral += std::max({p[0], p[1], p[2]}) - std::min({p[0], p[1], p[2]}) <= 45;
    }
  return neutral < 0.2 * double(bgr.total());
}

void readInto(const cv::Mat& gray, double scale, const CodeOptions& o, std::vector<Finding>& out) {
  for (const auto& r : readAll(gray.clone())) {
    if (!r.isValid()) continue;
    const auto& p = r.position();
    int x0 = INT32_MAX, y0 = INT32_MAX, x1 = INT32_MIN, y1 = INT32_MIN, unset = 0;
    for (const auto& pt : {p.topLeft(), p.topRight(), p.bottomRight(), p.bottomLeft()}) {
      if (pt.x == 0 && pt.y == 0) {
        ++unset;
        continue;
      }
      x0 = std::min(x0, pt.x);
      y0 = std::min(y0, pt.y);
      x1 = std::max(x1, pt.x);
      y1 = std::max(y1, pt.y);
    }
    if (unset == 4) x0 = y0 = x1 = y1 = 0;
    if (unset == 2) {
      // ZXing-cpp 1.4 may leave two corners of a PDF417 unset, at (0, 0) (one turned 1.2 degrees on a 3200 px report,
      // read at 2400 px: its box grew to the page's corner and hid the title): the side it found is kept and the
      // symbol taken as up to 5 times as wide as that side on either side of it (there: 4.6 times the rows it found)
      const int side = std::max(x1 - x0, y1 - y0), reach = 5 * side;
      if (y1 - y0 >= x1 - x0) {
        x0 -= reach;
        x1 += reach;
      } else {
        y0 -= reach;
        y1 += reach;
      }
    }
    // 1-D codes report a scan line, or the few rows read alike (18 rows of a Code 39's 112): find the bars' extent
    const int across = std::min(x1 - x0, y1 - y0), along = std::max(x1 - x0, y1 - y0);
    if (across < 3 || (categoryOf(r.format()) == "barcode" && across < along / 5)) {
      const cv::Rect scan(cv::Point(x0, y0), cv::Point(x1 + 1, y1 + 1));
      cv::Rect bars = linearExtent(gray, scan);
      if (scan.width >= scan.height) {
        // the gradient component may run into text printed next to the symbol: keep the rows that repeat the
        // scan line's bars (and the scan line itself), plus a few pixels
        const auto [top, bottom] = barRows(gray, x0, x1 + 1, (y0 + y1) / 2);
        const int margin = std::max(2, (bottom - top) / 10);
        const int from = std::max(bars.y, std::min(y0, top - margin)),
                  to = std::min(bars.br().y, std::max(y1 + 1, bottom + 1 + margin));
        if (to > from) bars = cv::Rect(bars.x, from, bars.width, to - from);
      }
      x0 = bars.x;
      y0 = bars.y;
      x1 = bars.br().x;
      y1 = bars.br().y;
    } else if (categoryOf(r.format()) == "barcode" && x1 - x0 >= y1 - y0) {
      // the rows ZXing read alike stop short of a turned symbol's corners (a Code 128 of 263 x 128 px turned 3
      // degrees on a wristband: 90 of its rows, 78 %): the rows that repeat the bars of its middle row, plus a few
      const auto [top, bottom] = barRows(gray, x0, x1 + 1, (y0 + y1) / 2);
      const int margin = std::max(2, (bottom - top) / 10);
      y0 = std::min(y0, top - margin);
      y1 = std::max(y1, bottom + margin);
    }
    if (categoryOf(r.format()) == "barcode" && y1 - y0 < (x1 - x0) / 5) {
      // a rotated or low-contrast 1-D code whose bars were not all found: at least a fifth of its length high, so
      // the whole symbol is covered, not only its scan line
      const int cy = (y0 + y1) / 2, half = (x1 - x0) / 10;
      y0 = std::max(0, cy - half);
      y1 = std::min(gray.rows - 1, cy + half);
    }
    Finding f;
    f.kind = Kind::Barcode;
    f.category = categoryOf(r.format());
    f.phi = true;
    f.confidence = 0.95f;
    f.text = r.text();
    f.detector = "zxing-cpp";
    f.detectorVersion = std::string("1.4/") + ZXing::ToString(r.format());
    // quiet zone, plus 8 % of the symbol's short side: a rotated symbol's corners lie outside ZXing's outline
    // (PDF417: ZXing's corners come from the start and stop patterns' rows found, the first and last rows of a
    // rotated symbol may lie outside them)
    const double grow = r.format() == ZXing::BarcodeFormat::PDF417 ? 0.15 : 0.08;
    const int pad = int(o.padding * scale) + 1 + int(grow * std::min(x1 - x0, y1 - y0));
    const int bx = int((x0 - pad) / scale), by = int((y0 - pad) / scale);
    f.box = Box{bx, by, int((x1 - x0 + 2 * pad) / scale) + 1, int((y1 - y0 + 2 * pad) / scale) + 1};
    out.push_back(std::move(f));
  }
}

// A region that looks like a code but was not decoded: masked all the same (phi true, "code illisible").
void markUnreadable(Finding& f, float confidence, const char* detector, const char* version) {
  f.category = "unreadable-code";
  f.confidence = confidence;
  f.text.clear();
  f.detector = detector;
  f.detectorVersion = version;
}

// 1-D codes the whole-image pass did not read (bars downscaled under a pixel, no quiet zone at a band's edge): found
// from their bars, read again at full resolution, and masked as unreadable codes when they cannot be decoded.
void addLinearCandidates(const cv::Mat& fullGray, const cv::Mat& gray, double scale, std::vector<Finding>& out) {
  for (const BarCandidate& c : localiseLinearCodes(gray)) {
    const cv::Rect b = c.outline.boundingRect();
    const cv::Rect full =
        cv::Rect(int(b.x / scale), int(b.y / scale), int(b.width / scale) + 1, int(b.height / scale) + 1) &
        cv::Rect(0, 0, fullGray.cols, fullGray.rows);
    if (full.area() <= 0) continue;
    // (an undecoded symbol is tested again: the matrix localiser's square over a UPC-E of 89 x 70 px stopped short of
    // its last bars, and the bars' box is united with it below)
    const bool known = std::any_of(out.begin(), out.end(), [&](const Finding& f) {
      return f.category != "unreadable-code" &&
             (cv::Rect(f.box->x, f.box->y, f.box->w, f.box->h) & full).area() >= 0.5 * full.area();
    });
    if (known) continue;
    // a blob across half the image or more in light ink is a ruled grid, tried first as it is dear to straighten and
    // read (an ECG's pink 1 mm lines made five strips of 140-346 x 4119 px at full resolution: 8 s)
    const bool faintGrid = (full.width >= fullGray.cols / 2 || full.height >= fullGray.rows / 2) &&
                           (faintInk(fullGray(full)) || thinLinesOnDark(fullGray(full)));
    if (faintGrid) continue;
    Finding f;
    f.kind = Kind::Barcode;
    f.phi = true;
    // the blob of one gradient direction may hold a code of the other (the text rows and dashed edge of a sticker
    // close into a blob of horizontal strokes around its Code 93 of 1 px modules): the other direction is tried too
    for (const bool vertical : {c.verticalBars, !c.verticalBars}) {
      const cv::Mat straight = straightenedBars(fullGray, BarCandidate{c.outline, vertical}, scale);
      if (auto read = readStraightenedBars(straight)) {
        f.category = "barcode";
        f.confidence = 0.9f;
        f.text = read->text;
        f.detector = "zxing-cpp";
        f.detectorVersion = "1.4/" + read->format + "/bars";
        break;
      }
      const cv::Mat band = barBand(straight);
      if (looksLikeBars(straight) || looksLikeStackedBars(straight) || looksLikeBarsBesideText(straight) ||
          (band.rows < straight.rows && looksLikeBars(band))) {
        markUnreadable(f, 0.6f, "bar-localiser", "1");  // bars of several widths repeated over the rows
        break;
      }
      // a PDF417 blurred past its rows (123 x 45 px at JPEG q37): its start and stop guards still show
      if (showsStackedCodeGuards(straight)) {
        markUnreadable(f, 0.55f, "bar-localiser", "1/stacked");
        break;
      }
    }
    // undecoded bars drawn in light ink are no code: the pink grid lines of ECG paper past the traces' end (a 41 x 790
    // px strip whose label area took in the whole header), nor are thin light lines on a dark ground (an inverted ECG's
    // grid beside its traces)
    if (f.category.empty() ||
        (f.category == "unreadable-code" && (faintInk(fullGray(full)) || thinLinesOnDark(fullGray(full)))))
      continue;
    const int pad = std::max(4, std::min(full.width, full.height) / 10);
    f.box = Box{full.x - pad, full.y - pad, full.width + 2 * pad, full.height + 2 * pad};
    out.push_back(std::move(f));
  }
}

}  // namespace

bool looksLikeTextBlock(const cv::Mat& gray) {
  if (gray.empty() || gray.rows < 8 || gray.cols < 8) return false;
  cv::Mat bin;
  inkMask(gray).convertTo(bin, CV_8U, 1.0 / 255);  // 1 where ink: the sums below count pixels
  cv::Mat rowSums;
  cv::reduce(bin, rowSums, 1, cv::REDUCE_SUM, CV_32S);
  // a row is blank under 2 % of the crop's width in ink (JPEG specks are not ink); pieces are runs of inked rows
  const int minInk = std::max(1, int(0.02 * gray.cols));
  std::vector<std::pair<int, int>> runs;
  for (int y = 0; y < gray.rows;) {
    if (rowSums.at<int>(y) < minInk) {
      ++y;
      continue;
    }
    int end = y;
    while (end < gray.rows && rowSums.at<int>(end) >= minInk) ++end;
    runs.emplace_back(y, end);
    y = end;
  }
  // (a run under 40 % of the tallest is a descender or an accent cut off by a blank row, "y" of "Thyroïde" at the
  // bottom of an ultrasound's settings: not judged)
  int tallest = 0;
  for (const auto& [from, to] : runs) tallest = std::max(tallest, to - from);
  int pieces = 0;
  for (const auto& [from, to] : runs) {
    if (to - from < 0.4 * tallest) continue;
    cv::Mat colSums;
    cv::reduce(bin.rowRange(from, to), colSums, 0, cv::REDUCE_SUM, CV_32S);
    int left = 0, right = gray.cols - 1;
    while (left < right && colSums.at<int>(left) == 0) ++left;
    while (right > left && colSums.at<int>(right) == 0) --right;
    if (right - left + 1 < 2.5 * (to - from)) return false;  // a piece as tall as it is wide: a symbol
    ++pieces;
  }
  return pieces >= 2;
}

namespace {

// True when OCR read nothing but strokes ("== ll", "|l1|"): the reading of bars, which covers no code (a 68 x 55 px
// UPC-E turned 3 degrees on a lab report's sticker read "== ll", "ll" being the usual misreading of the lead "II");
// an ECG lead name alone is a label, not bars.
bool readsAsStrokes(const std::string& text) {
  std::size_t strokes = 0;
  for (const char ch : text) {
    if (ch == ' ') continue;
    if (std::string_view("|lI1!i=-_[]").find(ch) == std::string_view::npos) return false;
    ++strokes;
  }
  return strokes > 0 && !isEcgLeadVariant(text);
}

}  // namespace

bool unreadableCodeIsText(const Finding& code, const std::vector<Finding>& findings) {
  if (code.category != "unreadable-code" || !code.box || code.box->area() <= 0) return false;
  const cv::Rect c(code.box->x, code.box->y, code.box->w, code.box->h);
  cv::Mat1b covered = cv::Mat1b::zeros(c.size());
  for (const auto& t : findings) {
    if (t.kind != Kind::Text || !t.box) continue;
    // benign vocabulary, or a vocabulary line read with errors ("MI Le Ts 0,4"); never other uncertain text (a code
    // read by OCR is garbage, and garbage is to-check mid-page)
    if (t.category != "benign" && !(t.category == "to-check" && classifyLine(t.text, 0.4f).vocabulary)) continue;
    if (readsAsStrokes(t.text)) continue;
    const cv::Rect common = cv::Rect(t.box->x, t.box->y, t.box->w, t.box->h) & c;
    if (common.area() > 0) covered(common - c.tl()).setTo(255);
  }
  if (cv::countNonZero(covered) < 0.6 * c.area()) return false;
  // a band of the box as wide as one and a half times its height that no text covers holds the code beside the text
  // (bars united with the name line to their left into one 614 x 104 px box, the benign title over its left 64 %)
  cv::Mat colCover;
  cv::reduce(covered, colCover, 0, cv::REDUCE_AVG, CV_32F);
  int run = 0, longest = 0;
  for (int x = 0; x < c.width; ++x) {
    run = colCover.at<float>(x) < 127.5f ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return longest < 1.5 * c.height;
}

std::vector<Finding> detectCodes(const cv::Mat& bgr, const CodeOptions& o) {
  std::vector<Finding> out;
  if (bgr.empty()) return out;
  cv::Mat fullGray, gray;
  cv::cvtColor(bgr, fullGray, cv::COLOR_BGR2GRAY);
  gray = fullGray;
  const int longSide = std::max(gray.cols, gray.rows);
  double scale = 1.0;
  if (longSide > o.workingSide) {
    scale = double(o.workingSide) / longSide;
    cv::resize(fullGray, gray, {}, scale, scale, cv::INTER_AREA);
  }
  readInto(gray, scale, o, out);
  // localiser at about 800 px: modules of a typical wristband code become 2-5 px and merge under a 5x5 closing
  const double locScale = std::min(1.0, 800.0 / std::max(gray.cols, gray.rows));
  cv::Mat small;
  cv::resize(gray, small, {}, locScale, locScale, cv::INTER_AREA);
  struct Candidate {
    cv::Rect first;
    double scale;         // working pixels per pixel of the image it was found on
    bool nested = false;  // inside another outline: reported only when decoded (ultrasound sectors, photo frames)
    bool fine = false;    // found by the fine pass (small symbols at full resolution)
  };
  std::vector<Candidate> candidates;
  std::vector<char> nested;
  const std::vector<cv::Rect> coarseFound = localiseMatrixCodes(small, {5, 11, 19}, 0, &nested);
  // (a blob over half the image is no symbol to read again: the whole-image pass read it, and an ECG's grid closed
  // into one 800 x 565 px blob that took 2.6 s to deskew, upscale and read with each binarizer)
  for (std::size_t i = 0; i < coarseFound.size(); ++i)
    if (coarseFound[i].area() <= 0.5 * double(small.total()))
      candidates.push_back({coarseFound[i], locScale, nested[i] != 0});
  // fine pass at full resolution: a small symbol (14-96 px of the working copy, modules of 1-3 px) is a grey square at
  // 800 px, and at the working scale of a 12 MP image a 14 px symbol is 8 px and its modules blur into a sticker's
  // edge (a 38 x 20 px DataMatrix on a 3200 px lab report); at 800 px a 76 px DataMatrix 15 px from a word closes
  // with it into one blob, and read at the working scale (2 px per module, JPEG q69) it is not decoded; the coarse
  // pass finds the larger ones
  if (locScale < 0.75)
    for (const cv::Rect& r : localiseMatrixCodes(fullGray, {5, 9}, int(std::lround(96 / scale)))) {
      const double toSmall = scale * locScale;
      const cv::Rect coarse(int(r.x * toSmall), int(r.y * toSmall), std::max(1, int(r.width * toSmall)),
                            std::max(1, int(r.height * toSmall)));
      // the same symbol seen by the coarse pass (a larger blob that merely touches it, such as a band's edge, is not;
      // nor is a nested or an oblong one, which that pass drops unless decoded: a 49 x 26 px DataMatrix on a
      // wristband, whose L finder the fine pass looks for)
      const bool seen = std::any_of(candidates.begin(), candidates.end(), [&](const auto& c) {
        return !c.nested && squareish(c.first) && (c.first & coarse).area() >= 0.5 * coarse.area() &&
               c.first.area() <= 4 * std::max(1, coarse.area());
      });
      if (!seen) candidates.push_back({r, 1.0 / scale, false, true});
    }
  for (const auto& [r, foundScale, inside, fine] : candidates) {
    const double toImage = scale * foundScale;
    const cv::Rect full(int(r.x / toImage), int(r.y / toImage), int(r.width / toImage) + 1,
                        int(r.height / toImage) + 1);
    const bool known = std::any_of(out.begin(), out.end(), [&](const Finding& f) {
      return (cv::Rect(f.box->x, f.box->y, f.box->w, f.box->h) & full).area() > 0.3 * full.area();
    });
    if (known) continue;
    const int pad = std::max(4, full.width / 10);
    Finding f;
    f.kind = Kind::Barcode;
    f.phi = true;
    // the candidate at working resolution: deskewed, upscaled, read again with each binarizer
    const cv::Rect working = cv::Rect(int(r.x / foundScale), int(r.y / foundScale), int(r.width / foundScale) + 1,
                                      int(r.height / foundScale) + 1) &
                             cv::Rect(0, 0, gray.cols, gray.rows);
    // (a fine-pass symbol is read where it was found, at full resolution)
    const cv::Rect fineArea = r & cv::Rect(0, 0, fullGray.cols, fullGray.rows);
    const cv::Rect inImage = full & cv::Rect(0, 0, fullGray.cols, fullGray.rows);
    if (auto decoded = fine ? readCandidate(fullGray, fineArea) : readCandidate(gray, working)) {
      f.category = categoryOf(decoded->format());
      f.confidence = 0.9f;
      f.text = decoded->text();
      f.detector = "zxing-cpp";
      f.detectorVersion = std::string("1.4/") + ZXing::ToString(decoded->format()) + "/candidate";
    } else if (!fine && showsStackedCodeGuards(fullGray(inImage)) && !littleNeutralInk(bgr(inImage)) &&
               !thinLinesOnDark(fullGray(inImage))) {
      // a PDF417 too blurred to decode, on a sticker (nested in its edge) and 2:1: its guard bars tell it from text
      markUnreadable(f, 0.6f, "matrix-localiser", "2/stacked");
    } else if (inside && !fine && squareish(r) && showsModules(fullGray, inImage) && !faintInk(fullGray(inImage)) &&
               !littleNeutralInk(bgr(inImage)) && !looksLikeTextBlock(gray(working))) {
      // a square of dark modules in a sticker's or a block's frame that ZXing cannot read (Aztec symbols of 53-131 px
      // in the bordered identity block of a lab report, a 55 px QR code at JPEG q35): masked all the same
      markUnreadable(f, 0.55f, "matrix-localiser", "2/nested");
    } else if (inside || littleNeutralInk(bgr(full & cv::Rect(0, 0, bgr.cols, bgr.rows))) ||
               looksLikeTextBlock(gray(working))) {
      continue;  // nested in another outline, drawn in colour (the pink grid of ECG paper), or lines of text (an
                 // ultrasound's settings block): only when decoded
    } else if (fine && (!showsModules(fullGray, fineArea) || faintInk(fullGray(fineArea)))) {
      continue;  // a small dense blob without modules: bold glyphs ("V2" of an ECG, a radiograph's "L" or "10") at full
                 // resolution; or drawn in light ink (a cell of ECG paper)
    } else if (!squareish(r) && fine) {
      // a fine-pass candidate (small, dense in both directions): a rectangular DataMatrix, masked all the same
      markUnreadable(f, 0.5f, "matrix-localiser", "2/fine");
    } else if (!squareish(r) || thinLinesOnDark(fullGray(inImage)) || !showsModules(fullGray, inImage)) {
      continue;  // (or no modules: the rows of a ruled table turned 2 degrees, which no blank row separates)
    } else {
      markUnreadable(f, 0.6f, "matrix-localiser", "2");  // looks like a code, cannot be decoded: masked all the same
    }
    f.box = Box{full.x - pad, full.y - pad, full.width + 2 * pad, full.height + 2 * pad};
    out.push_back(std::move(f));
  }
  addLinearCandidates(fullGray, gray, scale, out);
  // bars of one pixel per module average to grey at the working scale (a 238 px Code 39 on a 10 MP photo of a page):
  // large images are searched for bars at full resolution too
  if (scale < 1.0) addLinearCandidates(fullGray, fullGray, 1.0, out);
  // the same symbol read on two scan lines, or found undecoded by both localisers: unite the boxes
  for (std::size_t i = 0; i < out.size(); ++i)
    for (std::size_t j = out.size() - 1; j > i; --j) {
      const Box& a = *out[i].box;
      const Box& b = *out[j].box;
      const cv::Rect ra(a.x, a.y, a.w, a.h), rb(b.x, b.y, b.w, b.h);
      if (out[i].text != out[j].text || (ra & rb).area() == 0) continue;
      const cv::Rect u = ra | rb;
      out[i].box = Box{u.x, u.y, u.width, u.height};
      out.erase(out.begin() + long(j));
    }
  for (auto& f : out) {  // clip to the image
    Box& b = *f.box;
    const int x1 = std::min(bgr.cols, b.x + b.w), y1 = std::min(bgr.rows, b.y + b.h);
    b.x = std::max(0, b.x);
    b.y = std::max(0, b.y);
    b.w = x1 - b.x;
    b.h = y1 - b.y;
  }
  return out;
}

}  // namespace medpics::detect
