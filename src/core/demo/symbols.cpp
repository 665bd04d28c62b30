// Every symbology ZXing-cpp can write, drawn at a given size and rotation, and label stickers that carry them.
#include "canvas.hpp"

#include <ZXing/BarcodeFormat.h>
#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>
#include <opencv2/imgproc.hpp>

#include <cmath>

namespace medpics::synth::detail {

const std::vector<std::string>& writableSymbologies() {
  static const std::vector<std::string> all{"QRCode",  "DataMatrix", "Aztec", "PDF417", "Code128", "Code39", "Code93",
                                            "Codabar", "ITF",        "EAN13", "EAN8",   "UPCA",    "UPCE"};
  return all;
}

std::string symbolPayload(const std::string& symbology, const std::string& digits, const std::string& text) {
  std::string d = digits;
  while (d.size() < 12) d += d.empty() ? "0" : d;
  if (symbology == "EAN13") return d.substr(0, 12);
  if (symbology == "EAN8") return d.substr(0, 7);
  if (symbology == "UPCA") return d.substr(0, 11);
  if (symbology == "UPCE") return "0" + d.substr(0, 6);
  if (symbology == "ITF") return d.substr(0, d.size() / 2 * 2);
  if (symbology == "Codabar") return "A" + digits + "B";
  if (symbology == "Code128" || symbology == "Code39" || symbology == "Code93") return digits;
  return digits + "|" + text;  // 2D codes carry the identity
}

cv::Mat symbolImage(const std::string& symbology, const std::string& payload, int sidePx, int* quietPx) {
  ZXing::BitMatrix bits;
  try {
    ZXing::MultiFormatWriter writer(ZXing::BarcodeFormatFromString(symbology));
    writer.setMargin(0);
    writer.setEncoding(ZXing::CharacterSet::UTF8);
    bits = writer.encode(payload, 0, 0);
  } catch (const std::exception&) {
    return {};
  }
  if (bits.width() <= 0 || bits.height() <= 0) return {};
  const bool linear = bits.height() <= 2;
  // 2D: the side (PDF417: the height) spans sidePx; linear: bars sidePx high, modules 1-3 px wide.
  const double module =
      linear ? std::clamp(sidePx / 40.0, 1.0, 3.0)
             : std::max(1.0, double(sidePx) /
                                 (symbology == "PDF417" ? bits.height() : std::max(bits.width(), bits.height())));
  const int w = int(std::lround(bits.width() * module));
  const int h = linear ? std::max(sidePx, 8) : int(std::lround(bits.height() * module));
  const int quiet = int(std::ceil(module * (linear ? 8 : 2)));
  cv::Mat out(h + 2 * quiet, w + 2 * quiet, CV_8UC3, cv::Scalar::all(255));
  for (int y = 0; y < h; ++y) {
    const int by = linear ? 0 : std::min(bits.height() - 1, int(y / module));
    cv::Vec3b* row = out.ptr<cv::Vec3b>(y + quiet);
    for (int x = 0; x < w; ++x)
      if (bits.get(std::min(bits.width() - 1, int(x / module)), by)) row[x + quiet] = cv::Vec3b(0, 0, 0);
  }
  if (quietPx) *quietPx = quiet;
  return out;
}

cv::Rect placeSymbol(Canvas& c, const std::string& symbology, const std::string& payload, cv::Point at, int sidePx,
                     double degrees) {
  int quiet = 0;
  cv::Mat sym = symbolImage(symbology, payload, sidePx, &quiet);
  if (sym.empty()) return {};
  Canvas local;
  local.img = sym;
  local.add("barcode", "barcode", true, cv::Rect(quiet, quiet, sym.cols - 2 * quiet, sym.rows - 2 * quiet), payload,
            symbology);
  rotate(local, degrees, cv::Scalar::all(255));
  // paste only the rotated paper (the corners outside it keep the background)
  cv::Mat paper(sym.size(), CV_8UC1, cv::Scalar(255));
  Canvas maskCanvas;
  cv::cvtColor(paper, maskCanvas.img, cv::COLOR_GRAY2BGR);
  rotate(maskCanvas, degrees, cv::Scalar::all(0));
  cv::Mat mask;
  cv::cvtColor(maskCanvas.img, mask, cv::COLOR_BGR2GRAY);
  const cv::Rect target = cv::Rect(at, local.img.size()) & cv::Rect(0, 0, c.img.cols, c.img.rows);
  if (target.empty()) return {};
  local.img(target - at).copyTo(c.img(target), mask(target - at) > 127);
  for (auto& e : local.truth) {
    moveElement(e, at, target);
    if (!e.box.empty()) c.truth.push_back(e);
  }
  return target;
}

cv::Rect sticker(Canvas& c, Rng& rng, cv::Point at, const std::vector<StickerLine>& lines, int glyphPx,
                 const std::string& symbology, const std::string& payload, int symbolPx, double degrees) {
  Canvas s;
  const int m = std::max(4, glyphPx / 2), line = glyphPx * 3 / 2;
  int width = 0;
  for (const auto& l : lines) width = std::max(width, s.tr.width(l.text, glyphPx, l.font));
  int symW = 0, symH = 0, quiet = 0;
  cv::Mat sym = symbology.empty() ? cv::Mat() : symbolImage(symbology, payload, symbolPx, &quiet);
  if (!sym.empty()) symW = sym.cols, symH = sym.rows;
  const int textH = int(lines.size()) * line;
  s.img = cv::Mat(std::max(textH, symH) + 2 * m, width + symW + 3 * m, CV_8UC3,
                  cv::Scalar(rng.uniform(240, 255), rng.uniform(242, 255), 255));
  cv::rectangle(s.img, {0, 0, s.img.cols, s.img.rows}, cv::Scalar::all(rng.uniform(120, 180)), 1);
  int y = m + glyphPx;
  const cv::Scalar ink = cv::Scalar::all(rng.uniform(10, 40));
  for (const auto& l : lines) {
    s.text(l.text, {m, y}, glyphPx, ink, l.category, l.category != "benign", l.font);
    y += line;
  }
  if (!sym.empty()) {
    const cv::Point symAt(width + 2 * m, m);
    paste(s.img, sym, symAt);
    s.add("barcode", "barcode", true, cv::Rect(symAt.x + quiet, symAt.y + quiet, symW - 2 * quiet, symH - 2 * quiet),
          payload, symbology);
  }
  const cv::Size before = s.img.size();
  cv::Mat paper(before, CV_8UC3, cv::Scalar::all(255));
  rotate(s, degrees, cv::Scalar::all(0));
  at.x = std::max(0, std::min(at.x, c.img.cols - s.img.cols - 4));  // stuck on the sheet, not beyond its edge
  Canvas maskCanvas;
  maskCanvas.img = paper;
  rotate(maskCanvas, degrees, cv::Scalar::all(0));
  cv::Mat mask;
  cv::cvtColor(maskCanvas.img, mask, cv::COLOR_BGR2GRAY);
  const cv::Rect target = cv::Rect(at, s.img.size()) & cv::Rect(0, 0, c.img.cols, c.img.rows);
  if (target.empty()) return {};
  const cv::Mat covers = mask(target - at) > 127;
  s.img(target - at).copyTo(c.img(target), covers);
  // what the sticker hides is no longer in the picture: an element of the page more than half under it leaves the
  // truth (a long sticker pushed left over a report's identity block hid its patient lines; seed 3929 image 17)
  std::erase_if(c.truth, [&](const Element& e) {
    const cv::Rect under = e.box & target;
    return !under.empty() && 2 * cv::countNonZero(covers(under - target.tl())) > e.box.area();
  });
  for (auto& e : s.truth) {
    moveElement(e, at, target);
    if (!e.box.empty()) c.truth.push_back(e);
  }
  return target;
}

}  // namespace medpics::synth::detail
