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

void readInto(const cv::Mat& gray, double scale, const CodeOptions& o, std::vector<Finding>& out) {
  for (const auto& r : readAll(gray.clone())) {
    if (!r.isValid()) continue;
    const auto& p = r.position();
    int x0 = INT32_MAX, y0 = INT32_MAX, x1 = INT32_MIN, y1 = INT32_MIN;
    for (const auto& pt : {p.topLeft(), p.topRight(), p.bottomRight(), p.bottomLeft()}) {
      x0 = std::min(x0, pt.x); y0 = std::min(y0, pt.y);
      x1 = std::max(x1, pt.x); y1 = std::max(y1, pt.y);
    }
    const bool linear = y1 - y0 < 3;  // 1-D codes report a scan line: give the box a plausible height
    if (linear) {
      const int h = std::max(10, (x1 - x0) / 4);
      y0 -= h / 2;
      y1 += h / 2;
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
