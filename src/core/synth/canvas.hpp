// Internal helpers of the synth generators: text fields with truth, geometric transforms that carry boxes.
#pragma once
#include "medpics/synth/identity.hpp"
#include "medpics/synth/text.hpp"
#include "medpics/synth/types.hpp"

#include <string>

namespace medpics::synth::detail {

// A drawing surface and the truth collected while drawing on it.
struct Canvas {
  cv::Mat img;  // CV_8UC3
  std::vector<Element> truth;
  TextRenderer& tr = threadTextRenderer();

  // Draws text and records it (nothing recorded when no ink landed inside the image).
  cv::Rect text(const std::string& s, cv::Point baseline, int h, const cv::Scalar& color, const std::string& category,
                bool phi, Font font = Font::Sans);
  // Draws "label value" on one line: the label is benign, the value has `category` (PHI). Returns the end x.
  int field(const std::string& label, const std::string& value, cv::Point baseline, int h, const cv::Scalar& color,
            const std::string& category, Font font = Font::Sans);
  void add(const std::string& kind, const std::string& category, bool phi, cv::Rect box, const std::string& text = {});
};

// Axis-aligned bounding box of `box` mapped through the 2x3 affine `m`, clipped to `bounds`.
cv::Rect transformBox(const cv::Rect& box, const cv::Mat& m, const cv::Size& bounds);
// Rotates the image by `degrees` about its centre, enlarging the canvas so nothing is cut; boxes follow.
void rotate(Canvas& c, double degrees, const cv::Scalar& border);
// Scales the image (and boxes) to `size`.
void resize(Canvas& c, cv::Size size);
// Places the canvas on a larger background at `at`; boxes follow.
void placeOn(Canvas& c, cv::Mat background, cv::Point at);
// JPEG encode/decode round trip at `quality` (compression artefacts).
void jpegRoundTrip(cv::Mat& img, int quality);
// Additive Gaussian noise.
void addNoise(cv::Mat& img, Rng& rng, double sigma);
// Smooth random field in [0,1] (CV_32F) of the given size: `cells` control points per side, bicubic.
cv::Mat smoothField(cv::Size size, Rng& rng, int cells);
// Skin-like textured background.
cv::Mat skinBackground(cv::Size size, Rng& rng);
// Barcode bits from ZXing ("code128", "qr", "datamatrix") rendered black on white at `moduleSize`, no quiet zone.
cv::Mat barcodeImage(const std::string& format, const std::string& payload, int moduleSize, int heightPx = 0);
// Copies `src` into `dst` at `at` (clipped); returns the drawn rectangle.
cv::Rect paste(cv::Mat& dst, const cv::Mat& src, cv::Point at);
// Tight box of non-zero pixels of a single-channel mask (empty when none).
cv::Rect inkBox(const cv::Mat& mask);

SynthImage finish(ImageKind kind, Canvas&& c);

}  // namespace medpics::synth::detail
