// Synth canvas helpers: text fields with truth, rotation/scaling that keep boxes exact, noise, barcodes.
#include "canvas.hpp"

#include <ZXing/BarcodeFormat.h>
#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>

namespace medpics::synth::detail {

cv::Rect Canvas::text(const std::string& s, cv::Point baseline, int h, const cv::Scalar& color,
                      const std::string& category, bool phi, Font font) {
  cv::Rect box = tr.draw(img, s, baseline, h, color, font);
  if (!box.empty()) truth.push_back({"text", category, phi, box, s, h, {}, {}});
  return box;
}

int Canvas::field(const std::string& label, const std::string& value, cv::Point baseline, int h,
                  const cv::Scalar& color, const std::string& category, Font font) {
  int x = baseline.x;
  if (!label.empty()) {
    text(label, {x, baseline.y}, h, color, "benign", false, font);
    x += tr.width(label + " ", h, font);
  }
  text(value, {x, baseline.y}, h, color, category, category != "benign", font);
  return x + tr.width(value, h, font);
}

void Canvas::add(const std::string& kind, const std::string& category, bool phi, cv::Rect box, const std::string& t,
                 const std::string& symbology) {
  box &= cv::Rect(0, 0, img.cols, img.rows);
  if (!box.empty()) truth.push_back({kind, category, phi, box, t, 0, symbology, {}});
}

Style pickStyle(Rng& rng, const GenerateOptions& o) {
  Style st;
  st.rotation = o.rotation;
  st.jpegQuality = o.jpegQuality;
  st.identityBox = o.identityBox;
  if (o.identityLeading) st.identityLeading = *o.identityLeading;
  st.symbology = o.symbology;
  st.symbolPx = o.symbolPx;
  st.symbolDegrees = o.symbolDegrees;
  if (!o.hard) return st;
  st.hard = true;
  st.body = rng.pick(bodyFonts());
  st.bold = rng.pick(boldFonts());
  if (rng.chance(0.45)) st.smallPx = rng.uniform(8, 13);
  st.inverted = rng.chance(0.35);
  if (o.identityPx) st.smallPx = *o.identityPx;
  if (o.inverted) st.inverted = *o.inverted;
  if (o.font) st.body = *o.font;
  if (o.boldFont) st.bold = *o.boldFont;
  return st;
}

double signedAngle(Rng& rng, double lo, double hi) {
  const double a = rng.real(lo, hi);
  return rng.chance(0.5) ? a : -a;
}

static void applyAffine(Canvas& c, const cv::Mat& m, cv::Size size, const cv::Scalar& border) {
  cv::Mat out;
  cv::warpAffine(c.img, out, m, size, cv::INTER_LINEAR, cv::BORDER_CONSTANT, border);
  c.img = out;
  std::vector<Element> kept;
  for (auto& e : c.truth) {
    transformElement(e, m, cv::Rect(0, 0, size.width, size.height));
    if (!e.box.empty()) kept.push_back(std::move(e));
  }
  c.truth = std::move(kept);
}

void rotate(Canvas& c, double degrees, const cv::Scalar& border) {
  const cv::Point2f centre(c.img.cols / 2.0f, c.img.rows / 2.0f);
  cv::Mat m = cv::getRotationMatrix2D(centre, degrees, 1.0);
  const cv::Rect2f bounds = cv::RotatedRect(centre, c.img.size(), float(degrees)).boundingRect2f();
  m.at<double>(0, 2) += bounds.width / 2.0 - centre.x;
  m.at<double>(1, 2) += bounds.height / 2.0 - centre.y;
  applyAffine(c, m, cv::Size(int(std::ceil(bounds.width)), int(std::ceil(bounds.height))), border);
}

void resize(Canvas& c, cv::Size size) {
  const double sx = double(size.width) / c.img.cols, sy = double(size.height) / c.img.rows;
  cv::Mat out;
  cv::resize(c.img, out, size, 0, 0, sx < 1 ? cv::INTER_AREA : cv::INTER_LINEAR);
  c.img = out;
  const cv::Mat scale = (cv::Mat_<double>(2, 3) << sx, 0, 0, 0, sy, 0);
  for (auto& e : c.truth) {
    transformElement(e, scale, cv::Rect(0, 0, size.width, size.height));
    e.glyphPx = int(std::lround(e.glyphPx * sy));
  }
}

void placeOn(Canvas& c, cv::Mat background, cv::Point at) {
  cv::Rect drawn = paste(background, c.img, at);
  c.img = background;
  for (auto& e : c.truth) moveElement(e, at, drawn);
}

void jpegRoundTrip(cv::Mat& img, int quality) {
  std::vector<uchar> buf;
  cv::imencode(".jpg", img, buf, {cv::IMWRITE_JPEG_QUALITY, quality});
  img = cv::imdecode(buf, cv::IMREAD_COLOR);
}

void addNoise(cv::Mat& img, Rng& rng, double sigma) {
  // A 509x509 Gaussian tile (prime size: no visible grid) added across the image: fast on 12 MP images.
  constexpr int kTile = 509;
  cv::Mat noise(kTile, kTile, CV_16SC3);
  cv::RNG cvRng(rng.next());
  cvRng.fill(noise, cv::RNG::NORMAL, 0, sigma);
  for (int y = 0; y < img.rows; y += kTile)
    for (int x = 0; x < img.cols; x += kTile) {
      const cv::Rect r = cv::Rect(x, y, kTile, kTile) & cv::Rect(0, 0, img.cols, img.rows);
      cv::Mat roi = img(r);
      cv::add(roi, noise(cv::Rect(0, 0, r.width, r.height)), roi, cv::noArray(), CV_8UC3);
    }
}

cv::Mat smoothField(cv::Size size, Rng& rng, int cells) {
  cv::Mat small(cells, cells, CV_32F);
  for (int y = 0; y < cells; ++y)
    for (int x = 0; x < cells; ++x) small.at<float>(y, x) = float(rng.real());
  cv::Mat out;
  cv::resize(small, out, size, 0, 0, cv::INTER_CUBIC);
  cv::min(cv::max(out, 0.0), 1.0, out);
  return out;
}

cv::Mat skinBackground(cv::Size size, Rng& rng) {
  // Texture computed at a quarter of the resolution, upscaled, then per-pixel noise at full resolution.
  const cv::Size small(std::max(8, size.width / 4), std::max(8, size.height / 4));
  const cv::Vec3f base(float(rng.uniform(120, 170)), float(rng.uniform(150, 190)), float(rng.uniform(200, 235)));
  cv::Mat field = smoothField(small, rng, 6);
  cv::Mat fine = smoothField(small, rng, 60);
  cv::Mat low(small, CV_8UC3);
  for (int y = 0; y < small.height; ++y) {
    const float* f = field.ptr<float>(y);
    const float* g = fine.ptr<float>(y);
    cv::Vec3b* o = low.ptr<cv::Vec3b>(y);
    for (int x = 0; x < small.width; ++x) {
      const float k = 0.8f + 0.3f * f[x] + 0.06f * g[x];
      for (int ch = 0; ch < 3; ++ch) o[x][ch] = cv::saturate_cast<uchar>(base[ch] * k);
    }
  }
  cv::Mat out;
  cv::resize(low, out, size, 0, 0, cv::INTER_LINEAR);
  addNoise(out, rng, 3.0);
  return out;
}

cv::Mat barcodeImage(const std::string& format, const std::string& payload, int moduleSize, int heightPx) {
  const ZXing::BarcodeFormat f = format == "qr"           ? ZXing::BarcodeFormat::QRCode
                                 : format == "datamatrix" ? ZXing::BarcodeFormat::DataMatrix
                                                          : ZXing::BarcodeFormat::Code128;
  ZXing::MultiFormatWriter writer(f);
  writer.setMargin(0);
  const ZXing::BitMatrix bits = writer.encode(payload, 0, 0);  // natural size: one pixel per module
  const int rows = f == ZXing::BarcodeFormat::Code128 ? 1 : bits.height();
  const int h = f == ZXing::BarcodeFormat::Code128 ? (heightPx > 0 ? heightPx : 60 * moduleSize) : rows * moduleSize;
  cv::Mat out(h, bits.width() * moduleSize, CV_8UC3, cv::Scalar::all(255));
  for (int y = 0; y < out.rows; ++y) {
    const int by = f == ZXing::BarcodeFormat::Code128 ? 0 : y / moduleSize;
    cv::Vec3b* row = out.ptr<cv::Vec3b>(y);
    for (int x = 0; x < out.cols; ++x)
      if (bits.get(x / moduleSize, by)) row[x] = cv::Vec3b(0, 0, 0);
  }
  return out;
}

cv::Rect paste(cv::Mat& dst, const cv::Mat& src, cv::Point at) {
  cv::Rect target = cv::Rect(at, src.size()) & cv::Rect(0, 0, dst.cols, dst.rows);
  if (target.empty()) return {};
  src(target - at).copyTo(dst(target));
  return target;
}

cv::Rect inkBox(const cv::Mat& mask) {
  std::vector<cv::Point> pts;
  cv::findNonZero(mask, pts);
  if (pts.empty()) return {};
  return cv::boundingRect(pts);
}

SynthImage finish(ImageKind kind, Canvas&& c) {
  SynthImage out;
  out.kind = kind;
  out.pixels = std::move(c.img);
  out.truth = std::move(c.truth);
  return out;
}

}  // namespace medpics::synth::detail
