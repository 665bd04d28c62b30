// 1-D barcode candidates from their bars: gradient localisation, straightening, bar tests and a padded re-read.
#include "medpics/detect/codes_linear.hpp"

#include <ZXing/ReadBarcode.h>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace medpics::detect {
namespace {

struct Run {
  bool dark;
  int start, length;
};

// Runs of a binarised profile (true = dark), between its first and last dark run.
std::vector<Run> runsOf(const std::vector<bool>& dark) {
  std::vector<Run> runs;
  for (int x = 0; x < int(dark.size()); ++x) {
    if (runs.empty() || runs.back().dark != dark[std::size_t(x)])
      runs.push_back({dark[std::size_t(x)], x, 1});
    else
      ++runs.back().length;
  }
  while (!runs.empty() && !runs.front().dark) runs.erase(runs.begin());
  while (!runs.empty() && !runs.back().dark) runs.pop_back();
  return runs;
}

double percentile(std::vector<int> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, std::size_t(p * double(v.size() - 1) + 0.5))];
}

// Column profile of the middle rows and its dark/light split at the crop's Otsu level.
struct Profile {
  double level = 0;
  std::vector<bool> dark;
};

Profile profileOf(const cv::Mat& g) {
  Profile p;
  const cv::Mat middle = g(cv::Range(g.rows / 5, std::max(g.rows / 5 + 1, g.rows * 4 / 5)), cv::Range::all());
  cv::Mat ignored;
  p.level = cv::threshold(middle, ignored, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
  cv::Mat mean;
  cv::reduce(middle, mean, 0, cv::REDUCE_AVG, CV_32F);
  for (int x = 0; x < mean.cols; ++x) p.dark.push_back(mean.at<float>(0, x) < p.level);
  return p;
}

// Leading and trailing dark runs much wider than the bars (the background beyond a band's edge) are not bars.
std::vector<Run> barRuns(const Profile& p) {
  std::vector<Run> runs = runsOf(p.dark);
  std::vector<int> bars;
  for (const auto& r : runs)
    if (r.dark) bars.push_back(r.length);
  const double wide = 5.0 * std::max(1.0, percentile(bars, 0.5));
  while (runs.size() > 2 && runs.front().length > wide) runs.erase(runs.begin(), runs.begin() + 2);
  while (runs.size() > 2 && runs.back().length > wide) runs.erase(runs.end() - 2, runs.end());
  return runs;
}

// The blobs of a bar mask large enough for a code and filling at least half their turned outline. A blob may be a code
// joined to text beside it by strokes: a turned sticker's Code 128 joined to the page's title along its dashed edge
// (18661 of 56159 px: too sparse), a PDF417 joined to the name printed left of it (0.57: solid enough, but no test
// sees bars in the pair). Opened with a 15 px square, such a blob falls apart: its solid parts are candidates too; and
// with a 25 px square, which parts a 70 x 42 px EAN-8 from the 35 px bold name it overlaps (the 15 px piece held both).
std::vector<std::vector<cv::Point>> solidBlobs(const cv::Mat& bin, bool vertical, bool split = true) {
  std::vector<std::vector<cv::Point>> contours, out;
  cv::findContours(bin, contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
  for (auto& c : contours) {
    const cv::Rect b = cv::boundingRect(c);
    const int along = vertical ? b.width : b.height, across = vertical ? b.height : b.width;
    if (along < 20 || across < 10) continue;
    const double area = cv::contourArea(c);
    if (area >= 0.5 * cv::minAreaRect(c).size.area()) out.push_back(c);
    if (!split) continue;
    cv::Mat whole = cv::Mat::zeros(b.size(), CV_8U);
    cv::drawContours(whole, std::vector<std::vector<cv::Point>>{c}, 0, 255, cv::FILLED, cv::LINE_8, cv::noArray(), 0,
                     -b.tl());
    whole &= bin(b);
    for (int k : {15, 25}) {
      cv::Mat part;
      cv::morphologyEx(whole, part, cv::MORPH_OPEN, cv::getStructuringElement(cv::MORPH_RECT, {k, k}));
      for (auto& piece : solidBlobs(part, vertical, false)) {
        if (cv::contourArea(piece) >= 0.8 * area) continue;  // the same blob
        for (auto& p : piece) p += b.tl();
        out.push_back(std::move(piece));
      }
    }
  }
  return out;
}

constexpr double kLeastBarShare = 0.2;  // share of a code's span in its bars, at least

// Share of a profile darker than half-way between its lightest and darkest values.
double darkShare(const cv::Mat& profile) {
  double lo = 0, hi = 0;
  cv::minMaxLoc(profile, &lo, &hi);
  const cv::Mat dark = profile < (lo + hi) / 2;
  return double(cv::countNonZero(dark)) / double(std::max<std::size_t>(1, dark.total()));
}

}  // namespace

std::vector<BarCandidate> localiseLinearCodes(const cv::Mat& gray) {
  std::vector<std::pair<double, BarCandidate>> scored;  // how strongly one gradient direction dominates the blob
  cv::Mat gx, gy;
  cv::Sobel(gray, gx, CV_16S, 1, 0);
  cv::Sobel(gray, gy, CV_16S, 0, 1);
  cv::convertScaleAbs(gx, gx);
  cv::convertScaleAbs(gy, gy);
  for (bool vertical : {true, false}) {
    cv::Mat diff, bin;
    cv::subtract(vertical ? gx : gy, vertical ? gy : gx, diff);
    cv::blur(diff, diff, {7, 7});
    cv::threshold(diff, bin, 40, 255, cv::THRESH_BINARY);
    // bars are joined across their spaces (up to ~4 modules of 3 px), not across text lines above or below
    cv::morphologyEx(bin, bin, cv::MORPH_CLOSE,
                     cv::getStructuringElement(cv::MORPH_RECT, vertical ? cv::Size(17, 3) : cv::Size(3, 17)));
    // a lone rule or sheet edge along the bars (a table's column line, ~10 px wide once blurred) is not a code and
    // would join a code beside it into one sparse blob: blobs narrower than 15 px across the bars are opened away
    cv::morphologyEx(bin, bin, cv::MORPH_OPEN,
                     cv::getStructuringElement(cv::MORPH_RECT, vertical ? cv::Size(15, 5) : cv::Size(5, 15)));
    for (const auto& c : solidBlobs(bin, vertical)) {
      const cv::Rect b = cv::boundingRect(c);
      scored.push_back({cv::mean(diff(b))[0], {cv::minAreaRect(c), vertical}});
    }
  }
  // a page holds a few codes, never hundreds: the 24 largest, then the 24 most bar-like of the others (one gradient
  // direction strong all over the blob: at full resolution a page's text lines give hundreds of blobs larger than a
  // small code, and a 68 x 36 px EAN-8 on an 11 MP page was not among the 24 largest; a code the localiser joined to a
  // bold word beside it is large but less bar-like)
  std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) {
    return a.second.outline.size.area() > b.second.outline.size.area();
  });
  constexpr std::size_t kLargest = 24, kBarLike = 24;
  if (scored.size() > kLargest)
    std::stable_sort(scored.begin() + kLargest, scored.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<BarCandidate> out;
  for (std::size_t i = 0; i < scored.size() && i < kLargest + kBarLike; ++i) out.push_back(scored[i].second);
  return out;
}

cv::Mat straightenedBars(const cv::Mat& gray, const BarCandidate& c, double scale) {
  cv::Point2f pts[4];
  c.outline.points(pts);
  // the side closest to the scan direction gives the skew
  double angle = 0, along = 0, across = 0;
  for (int i = 0; i < 2; ++i) {
    const cv::Point2f d = pts[(i + 1) % 4] - pts[i];
    const double len = std::hypot(d.x, d.y);
    double a = std::atan2(d.y, d.x) * 180.0 / CV_PI;  // of this side, in (-180, 180]
    if (!c.verticalBars) a -= 90;
    while (a > 45) a -= 180;
    while (a < -135) a += 180;
    if (a < -45) continue;  // this side runs along the bars
    angle = a;
    along = len;
    across = std::hypot((pts[(i + 2) % 4] - pts[(i + 1) % 4]).x, (pts[(i + 2) % 4] - pts[(i + 1) % 4]).y);
  }
  if (along <= 0) {
    along = std::max(c.outline.size.width, c.outline.size.height);
    across = std::min(c.outline.size.width, c.outline.size.height);
  }
  along /= scale;
  across /= scale;
  const cv::Point2f centre(float(c.outline.center.x / scale), float(c.outline.center.y / scale));
  const double margin = std::max(6.0, 0.04 * along);
  const cv::Size size(int(along + 2 * margin), int(across + 2 * margin));
  const cv::Size turned = c.verticalBars ? size : cv::Size(size.height, size.width);
  cv::Mat m = cv::getRotationMatrix2D(centre, angle, 1.0);
  m.at<double>(0, 2) += turned.width / 2.0 - centre.x;
  m.at<double>(1, 2) += turned.height / 2.0 - centre.y;
  cv::Mat crop;
  cv::warpAffine(gray, crop, m, turned, cv::INTER_LINEAR, cv::BORDER_REPLICATE);
  if (!c.verticalBars) cv::rotate(crop, crop, cv::ROTATE_90_CLOCKWISE);
  return crop;
}

// The dips of a column profile (one row of floats), counted with hysteresis: blurred 1 px modules of a
// JPEG-compressed code do not reach an Otsu level, but still dip. Empty when the profile has under 30 grey levels.
static std::vector<int> profileDips(const cv::Mat& mean) {
  const float* p = mean.ptr<float>(0);
  double lo = 255, hi = 0;
  cv::minMaxLoc(mean, &lo, &hi);
  if (hi - lo < 30) return {};
  const double delta = 0.08 * (hi - lo);
  std::vector<int> centres;
  bool dark = false;
  double extreme = p[0];
  int at = 0;
  for (int x = 1; x < mean.cols; ++x) {
    if (!dark) {
      if (p[x] > extreme)
        extreme = p[x];
      else if (p[x] < extreme - delta)
        dark = true, extreme = p[x], at = x;
    } else {
      if (p[x] < extreme)
        extreme = p[x], at = x;
      else if (p[x] > extreme + delta)
        dark = false, extreme = p[x], centres.push_back(at);
    }
  }
  return centres;
}

// Correlation of two equally long rows of floats, each centred on its mean (-1 when either is flat).
static double rowCorrelation(cv::Mat a, cv::Mat b) {
  a -= cv::mean(a)[0];
  b -= cv::mean(b)[0];
  const double n = cv::norm(a) * cv::norm(b);
  return n > 0 ? a.dot(b) / n : -1;
}

// Sum of the gradient across the bars over the sum along them in a crop (text lines about 1, codes 2 and over).
static double acrossOverAlong(const cv::Mat& crop) {
  cv::Mat gx, gy;
  cv::Sobel(crop, gx, CV_32F, 1, 0);
  cv::Sobel(crop, gy, CV_32F, 0, 1);
  return cv::norm(gx, cv::NORM_L1) / std::max(1.0, cv::norm(gy, cv::NORM_L1));
}

bool looksLikeBars(const cv::Mat& g) {
  if (g.rows < 10 || g.cols < 20) return false;
  // column profile of the middle rows; bars are its dips
  const cv::Mat middle = g(cv::Range(g.rows / 5, std::max(g.rows / 5 + 1, g.rows * 4 / 5)), cv::Range::all());
  cv::Mat mean;
  cv::reduce(middle, mean, 0, cv::REDUCE_AVG, CV_32F);
  const std::vector<int> centres = profileDips(mean);
  if (centres.size() < 10) return false;
  // modules of several widths: the distances between bars vary (a ruler's ticks are evenly spaced)
  std::vector<int> spacing;
  for (std::size_t i = 1; i < centres.size(); ++i) spacing.push_back(centres[i] - centres[i - 1]);
  if (percentile(spacing, 0.9) < 1.5 * percentile(spacing, 0.1)) return false;
  const int x0 = std::max(1, centres.front() - 2), x1 = std::min(g.cols - 1, centres.back() + 3);
  // bars and spaces of comparable widths: a fifth of the span or more is darker than half-way between paper and ink
  // (real codes 0.37-0.59, blurred ones included; the rules of a table turned 1 degree, 1-2 px lines 22 px apart with
  // light rows of text between them: 0.05-0.08)
  if (darkShare(mean.colRange(x0, x1)) < kLeastBarShare) return false;
  // the rows repeat the profile (within a pixel of shift): bars run across their whole height, strokes of text do not
  const cv::Mat ref = mean.colRange(x0, x1);
  int agreeing = 0, total = 0;
  for (int y = g.rows / 10; y < g.rows - g.rows / 10; ++y, ++total) {
    double best = -1;
    for (int shift = -1; shift <= 1; ++shift) {
      cv::Mat row;
      g.row(y).colRange(x0 + shift, x1 + shift).convertTo(row, CV_32F);
      best = std::max(best, rowCorrelation(row, ref.clone()));
    }
    agreeing += best >= 0.5;
  }
  // inside the bars the gradient runs across them only; letters have horizontal strokes and rounds (text lines: a
  // ratio under 2, codes over 10, blurred 1 px modules included)
  const cv::Mat band =
      g(cv::Range(g.rows * 35 / 100, std::max(g.rows * 35 / 100 + 3, g.rows * 65 / 100)), cv::Range(x0, x1));
  const double across = acrossOverAlong(band);
  if (across < 4) return false;
  // (the crop has a margin and may hold the frame of a small sticker: half the rows, at least 8)
  // bars are long for their spacing (a code's bars are at least ~8 modules high: a Codabar of 122 x 34 px, its bars 4.6
  // spacings high); the stems of a line of text are spaced a third to half of their height apart. Bars whose gradient
  // runs across them ten times more than along may be 2.5 spacings high (a blurred 157 x 24 px Code 39 on a sticker:
  // median spacing 6 px, 18 rows, ratio 13): no line of text has that ratio.
  if (percentile(spacing, 0.5) > (across >= 10 ? 0.4 : 0.25) * agreeing) return false;
  return agreeing >= 8 && agreeing >= 0.5 * total;
}

cv::Mat barBand(const cv::Mat& g) {
  if (g.rows < 10) return g;
  cv::Mat gx, rows;
  cv::Sobel(g, gx, CV_32F, 1, 0);
  cv::reduce(cv::abs(gx), rows, 1, cv::REDUCE_SUM, CV_32F);
  double peak = 0;
  cv::minMaxLoc(rows, nullptr, &peak);
  std::pair<int, int> best{0, 0};
  for (int y = 0, start = 0; y <= g.rows; ++y) {
    if (y < g.rows && rows.at<float>(y) >= 0.5 * peak) continue;
    if (y - start > best.second - best.first) best = {start, y};
    start = y + 1;
  }
  const int top = std::max(0, best.first - 2), bottom = std::min(g.rows, best.second + 2);
  if (bottom - top >= 0.6 * g.rows || bottom - top < 8) return g;
  return g.rowRange(top, bottom);
}

bool looksLikeBarsBesideText(const cv::Mat& g) {
  if (g.rows < 10 || g.cols < 40) return false;
  const cv::Mat middle = g(cv::Range(g.rows / 5, std::max(g.rows / 5 + 1, g.rows * 4 / 5)), cv::Range::all());
  cv::Mat mean;
  cv::reduce(middle, mean, 0, cv::REDUCE_AVG, CV_32F);
  const std::vector<int> dips = profileDips(mean);
  if (dips.size() < 10) return false;
  std::vector<int> spacing;
  for (std::size_t i = 1; i < dips.size(); ++i) spacing.push_back(dips[i] - dips[i - 1]);
  const double usual = percentile(spacing, 0.5);
  for (std::size_t i = 1; i < dips.size(); ++i) {
    if (dips[i] - dips[i - 1] < 3 * usual) continue;
    const int cut = (dips[i - 1] + dips[i]) / 2;
    if (looksLikeBars(g.colRange(0, cut)) || looksLikeBars(g.colRange(cut, g.cols))) return true;
  }
  return false;
}

bool looksLikeStackedBars(const cv::Mat& g) {
  if (g.rows < 16 || g.cols < 40) return false;
  const int x0 = g.cols / 10, x1 = g.cols - g.cols / 10;
  // bar rows: contrasted, and repeating the row above within a pixel of shift (a PDF417 row is 3 modules high or
  // more; its boundaries with the next row still correlate at 0.8 once blurred)
  std::vector<int> barRows;
  int exact = 0;  // rows repeating the row above almost exactly (inside a code's row; a line of text has few)
  std::vector<int> runStarts;  // where each run of two or more exact rows starts: one run per row of the code
  int runLength = 0;
  for (int y = 1; y < g.rows; ++y) {
    cv::Scalar mean, deviation;
    cv::meanStdDev(g.row(y).colRange(x0, x1), mean, deviation);
    if (deviation[0] < 15) {
      runLength = 0;
      continue;
    }
    cv::Mat above;
    g.row(y - 1).colRange(x0, x1).convertTo(above, CV_32F);
    double best = -1;
    for (int shift = -1; shift <= 1; ++shift) {
      cv::Mat row;
      g.row(y).colRange(x0 + shift, x1 + shift).convertTo(row, CV_32F);
      best = std::max(best, rowCorrelation(row, above.clone()));
    }
    if (best >= 0.8) barRows.push_back(y);
    exact += best >= 0.97;
    runLength = best >= 0.97 ? runLength + 1 : 0;
    if (runLength == 2) runStarts.push_back(y - 1);
  }
  if (barRows.size() < 16 || exact < 0.5 * double(barRows.size())) return false;
  // three rows of the code or more, evenly pitched (a PDF417's rows are all equally high; a large line of text
  // "10 mm/mV" repeats its rows in one or two runs of uneven length)
  if (runStarts.size() < 3) return false;
  std::vector<int> pitch;
  for (std::size_t i = 1; i < runStarts.size(); ++i) pitch.push_back(runStarts[i] - runStarts[i - 1]);
  if (*std::max_element(pitch.begin(), pitch.end()) > 1.5 * *std::min_element(pitch.begin(), pitch.end())) return false;
  const int top = barRows.front(), bottom = barRows.back() + 1;
  if (double(barRows.size()) < 0.8 * (bottom - top)) return false;
  // the rows' patterns change down the symbol (a 1-D code's rows all repeat one profile: looksLikeBars), each row
  // is dense with bars, and the gradient runs across the bars
  const cv::Mat symbol = g(cv::Range(top, bottom), cv::Range(x0, x1));
  cv::Mat first, last;
  symbol.row(0).convertTo(first, CV_32F);
  symbol.row(symbol.rows - 1).convertTo(last, CV_32F);
  if (rowCorrelation(first, last) >= 0.5) return false;
  cv::Mat middle;
  symbol.row(symbol.rows / 2).convertTo(middle, CV_32F);
  const std::vector<int> dips = profileDips(middle);
  if (dips.size() < 15) return false;
  std::vector<int> spacing;  // bars of several widths (the lines of ECG paper are evenly spaced)
  for (std::size_t i = 1; i < dips.size(); ++i) spacing.push_back(dips[i] - dips[i - 1]);
  if (percentile(spacing, 0.9) < 1.5 * percentile(spacing, 0.1)) return false;
  return acrossOverAlong(symbol) >= 1.8;
}

std::optional<LinearRead> readStraightenedBars(const cv::Mat& g) {
  if (g.rows < 8 || g.cols < 16) return std::nullopt;
  const Profile p = profileOf(g);
  const std::vector<Run> runs = barRuns(p);
  if (runs.size() < 9) return std::nullopt;
  std::vector<int> bars;
  for (const auto& r : runs)
    if (r.dark) bars.push_back(r.length);
  const int x0 = runs.front().start, x1 = runs.back().start + runs.back().length;
  // paper beyond the outer bars, then a quiet zone of paper around the symbol
  cv::Mat sorted = g.reshape(1, 1).clone();
  cv::sort(sorted, sorted, cv::SORT_EVERY_ROW | cv::SORT_ASCENDING);
  const uchar paper = sorted.at<uchar>(0, int(sorted.cols * 0.9));
  cv::Mat clean = g.clone();
  clean(cv::Rect(0, 0, std::max(0, x0 - 1), g.rows)).setTo(paper);
  clean(cv::Rect(std::min(g.cols, x1 + 1), 0, g.cols - std::min(g.cols, x1 + 1), g.rows)).setTo(paper);
  const int quiet = std::max(20, (x1 - x0) / 5);
  cv::Mat framed;
  cv::copyMakeBorder(clean, framed, 8, 8, quiet, quiet, cv::BORDER_CONSTANT, cv::Scalar(paper));
  const double module = std::max(1.0, percentile(bars, 0.1));
  ZXing::DecodeHints hints;
  hints.setTryHarder(true);
  hints.setTryRotate(false);
  hints.setFormats(ZXing::BarcodeFormat::LinearCodes);
  hints.setMaxNumberOfSymbols(1);
  const std::vector<double> scales = module <= 2 ? std::vector<double>{2.0, 3.0, 1.0} : std::vector<double>{1.0, 2.0};
  for (double s : scales) {
    cv::Mat big = framed;
    if (s > 1) cv::resize(framed, big, {}, s, s, cv::INTER_CUBIC);
    for (auto binarizer : {ZXing::Binarizer::LocalAverage, ZXing::Binarizer::GlobalHistogram}) {
      hints.setBinarizer(binarizer);
      const ZXing::Result r = ZXing::ReadBarcode(
          ZXing::ImageView(big.data, big.cols, big.rows, ZXing::ImageFormat::Lum, int(big.step)), hints);
      if (r.isValid()) return LinearRead{ZXing::ToString(r.format()), r.text()};
    }
  }
  return std::nullopt;
}

}  // namespace medpics::detect
