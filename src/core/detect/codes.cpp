// ZXing-cpp reader over a grey copy of the image (all formats, rotations tried), mapped to barcode findings.
#include "medpics/detect/codes.hpp"

#include <ZXing/ReadBarcode.h>
#include <opencv2/imgproc.hpp>

#include <algorithm>

namespace medpics::detect {
namespace {

std::string categoryOf(ZXing::BarcodeFormat f) {
  using F = ZXing::BarcodeFormat;
  if (f == F::QRCode || f == F::MicroQRCode) return "qr";
  if (f == F::DataMatrix) return "datamatrix";
  if (f == F::Aztec || f == F::PDF417 || f == F::MaxiCode) return "2d-code";
  return "barcode";
}

// ZXing-cpp 1.4 asserts (Result::operator==, lineCount() == 1) when it de-duplicates several linear symbols, so
// linear codes are read one at a time (maxNumberOfSymbols 1), blanking each one found; matrix codes in one call.
ZXing::Results readAll(cv::Mat gray) {
  ZXing::DecodeHints hints;
  hints.setTryHarder(true);
  hints.setTryRotate(true);
  hints.setFormats(ZXing::BarcodeFormat::MatrixCodes);
  ZXing::Results results =
      ZXing::ReadBarcodes(ZXing::ImageView(gray.data, gray.cols, gray.rows, ZXing::ImageFormat::Lum, int(gray.step)), hints);
  hints.setFormats(ZXing::BarcodeFormat::LinearCodes);
  hints.setMaxNumberOfSymbols(1);
  for (int i = 0; i < 4; ++i) {
    ZXing::Result r =
        ZXing::ReadBarcode(ZXing::ImageView(gray.data, gray.cols, gray.rows, ZXing::ImageFormat::Lum, int(gray.step)), hints);
    if (!r.isValid()) break;
    std::vector<cv::Point> pts;
    for (const auto& p : {r.position().topLeft(), r.position().topRight(), r.position().bottomRight(), r.position().bottomLeft()})
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
  const cv::Rect window = cv::Rect(scan.x - reach / 2, scan.y - reach, scan.width + reach, scan.height + 2 * reach) &
                          cv::Rect(0, 0, gray.cols, gray.rows);
  const cv::Rect fallback = cv::Rect(scan.x, scan.y - (horizontal ? reach / 8 : 0), scan.width + 1,
                                     scan.height + (horizontal ? reach / 4 : 1)) & cv::Rect(0, 0, gray.cols, gray.rows);
  if (window.area() <= 0) return fallback;
  cv::Mat gx, gy, diff;
  cv::Sobel(gray(window), gx, CV_16S, 1, 0);
  cv::Sobel(gray(window), gy, CV_16S, 0, 1);
  cv::convertScaleAbs(gx, gx);
  cv::convertScaleAbs(gy, gy);
  cv::subtract(horizontal ? gx : gy, horizontal ? gy : gx, diff);
  cv::blur(diff, diff, {9, 9});
  cv::threshold(diff, diff, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
  cv::morphologyEx(diff, diff, cv::MORPH_CLOSE, cv::getStructuringElement(cv::MORPH_RECT, horizontal ? cv::Size(21, 7) : cv::Size(7, 21)));
  std::vector<std::vector<cv::Point>> contours;
  cv::findContours(diff, contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
  const cv::Point2f mid(float(scan.x + scan.width / 2 - window.x), float(scan.y + scan.height / 2 - window.y));
  for (const auto& c : contours)
    if (cv::pointPolygonTest(c, mid, false) >= 0) return (cv::boundingRect(c) + window.tl()) | fallback;
  return fallback;
}

// Undecodable 2-D codes (rotated, blurred DataMatrix / QR): solid square blobs of dense, two-directional modules.
std::vector<cv::Rect> localiseMatrixCodes(const cv::Mat& gray) {
  std::vector<cv::Rect> out;
  cv::Mat bin, closed;
  cv::adaptiveThreshold(gray, bin, 255, cv::ADAPTIVE_THRESH_MEAN_C, cv::THRESH_BINARY_INV, 25, 10);
  cv::morphologyEx(bin, closed, cv::MORPH_CLOSE, cv::getStructuringElement(cv::MORPH_RECT, {5, 5}));
  std::vector<std::vector<cv::Point>> contours;
  cv::findContours(closed, contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
  for (const auto& c : contours) {
    const cv::RotatedRect rr = cv::minAreaRect(c);
    const float a = std::min(rr.size.width, rr.size.height), b = std::max(rr.size.width, rr.size.height);
    if (a < 12 || b > 1.25f * a || cv::contourArea(c) < 0.8 * a * b) continue;
    const cv::Rect r = cv::boundingRect(c) & cv::Rect(0, 0, gray.cols, gray.rows);
    const cv::Mat roi = bin(r);
    const double ink = cv::countNonZero(roi) / double(roi.total());
    if (ink < 0.3 || ink > 0.75) continue;
    auto transitions = [](const cv::Mat& m, bool rows) {
      double total = 0;
      const int n = rows ? m.rows : m.cols;
      for (int i = 0; i < n; ++i) {
        const cv::Mat line = rows ? m.row(i) : m.col(i).t();
        for (int k = 1; k < line.cols; ++k) total += line.at<uchar>(0, k) != line.at<uchar>(0, k - 1);
      }
      return total / std::max(1, n);
    };
    if (transitions(roi, true) < 5 || transitions(roi, false) < 5) continue;
    out.push_back(r);
  }
  return out;
}

void readInto(const cv::Mat& gray, double scale, const CodeOptions& o, std::vector<Finding>& out) {
  for (const auto& r : readAll(gray.clone())) {
    if (!r.isValid()) continue;
    const auto& p = r.position();
    int x0 = INT32_MAX, y0 = INT32_MAX, x1 = INT32_MIN, y1 = INT32_MIN;
    for (const auto& pt : {p.topLeft(), p.topRight(), p.bottomRight(), p.bottomLeft()}) {
      x0 = std::min(x0, pt.x); y0 = std::min(y0, pt.y);
      x1 = std::max(x1, pt.x); y1 = std::max(y1, pt.y);
    }
    if (std::min(x1 - x0, y1 - y0) < 3) {  // 1-D codes report a scan line: find the bars' full extent
      const cv::Rect bars = linearExtent(gray, cv::Rect(cv::Point(x0, y0), cv::Point(x1 + 1, y1 + 1)));
      x0 = bars.x; y0 = bars.y; x1 = bars.br().x; y1 = bars.br().y;
    }
    Finding f;
    f.kind = Kind::Barcode;
    f.category = categoryOf(r.format());
    f.phi = true;
    f.confidence = 0.95f;
    f.text = r.text();
    f.detector = "zxing-cpp";
    f.detectorVersion = std::string("1.4/") + ZXing::ToString(r.format());
    const int pad = int(o.padding * scale) + 1;
    const int bx = int((x0 - pad) / scale), by = int((y0 - pad) / scale);
    f.box = Box{bx, by, int((x1 - x0 + 2 * pad) / scale) + 1, int((y1 - y0 + 2 * pad) / scale) + 1};
    out.push_back(std::move(f));
  }
}

}  // namespace

std::vector<Finding> detectCodes(const cv::Mat& bgr, const CodeOptions& o) {
  std::vector<Finding> out;
  if (bgr.empty()) return out;
  cv::Mat gray;
  cv::cvtColor(bgr, gray, cv::COLOR_BGR2GRAY);
  const int longSide = std::max(gray.cols, gray.rows);
  double scale = 1.0;
  if (longSide > o.workingSide) {
    scale = double(o.workingSide) / longSide;
    cv::resize(gray, gray, {}, scale, scale, cv::INTER_AREA);
  }
  readInto(gray, scale, o, out);
  // localiser at about 800 px: modules of a typical wristband code become 2-5 px and merge under a 5x5 closing
  const double locScale = std::min(1.0, 800.0 / std::max(gray.cols, gray.rows));
  cv::Mat small;
  cv::resize(gray, small, {}, locScale, locScale, cv::INTER_AREA);
  const double toImage = scale * locScale;
  for (const cv::Rect& r : localiseMatrixCodes(small)) {
    const cv::Rect full(int(r.x / toImage), int(r.y / toImage), int(r.width / toImage) + 1, int(r.height / toImage) + 1);
    const bool known = std::any_of(out.begin(), out.end(), [&](const Finding& f) {
      return (cv::Rect(f.box->x, f.box->y, f.box->w, f.box->h) & full).area() > 0.3 * full.area();
    });
    if (known) continue;
    const int pad = std::max(4, full.width / 10);
    Finding f;
    f.kind = Kind::Barcode;
    f.category = "2d-code";
    f.phi = true;
    f.confidence = 0.6f;
    f.text = "";
    f.detector = "matrix-localiser";
    f.detectorVersion = "1";
    f.box = Box{full.x - pad, full.y - pad, full.width + 2 * pad, full.height + 2 * pad};
    out.push_back(std::move(f));
  }
  // the same symbol read on two scan lines: unite the boxes
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
