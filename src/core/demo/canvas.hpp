// Internal helpers of the synth generators: text fields with truth, geometric transforms that carry boxes.
#pragma once
#include "medpics/demo/generator.hpp"
#include "medpics/demo/identity.hpp"
#include "medpics/demo/text.hpp"
#include "medpics/demo/types.hpp"

#include <string>

namespace medpics::synth::detail {

// How hard a generator draws (GenerateOptions::hard): fonts, identity text height, polarity. The default
// style is the original drawing; pickStyle consumes random numbers only for the hard style, so the images
// of the default style stay identical for a seed.
struct Style {
  bool hard = false;
  Font body = Font::Sans, bold = Font::SansBold;
  int smallPx = 0;        // > 0: identity / header blocks drawn at this glyph height (8-13 px)
  bool inverted = false;  // ultrasound and ECG drawn in negative
  int heightFor(int normal) const { return smallPx > 0 ? smallPx : normal; }
  // GenerateOptions overrides of the rotation, JPEG quality, bordered identity block and identity leading
  std::optional<double> rotation;
  std::optional<int> jpegQuality;
  std::optional<bool> identityBox;
  int identityLeading = 170;
  std::optional<std::string> symbology;  // GenerateOptions overrides of a generator's extra code
  std::optional<int> symbolPx;
  std::optional<double> symbolDegrees;
  double angle(double drawn) const { return rotation ? *rotation : drawn; }
  int quality(int drawn) const { return jpegQuality ? *jpegQuality : drawn; }
  bool boxed(bool drawn) const { return identityBox ? *identityBox : drawn; }
};
Style pickStyle(Rng& rng, const GenerateOptions& options);
// A signed angle of magnitude in [lo, hi] degrees.
double signedAngle(Rng& rng, double lo, double hi);

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
  void add(const std::string& kind, const std::string& category, bool phi, cv::Rect box, const std::string& text = {},
           const std::string& symbology = {});
};

// Rotates the image by `degrees` about its centre, enlarging the canvas so nothing is cut; boxes and outlines follow.
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
// Every symbology ZXing-cpp 1.4 can write ("QRCode", "DataMatrix", "Aztec", "PDF417", "Code128", "Code39",
// "Code93", "Codabar", "ITF", "EAN13", "EAN8", "UPCA", "UPCE").
const std::vector<std::string>& writableSymbologies();
// A payload the symbology accepts, derived from `digits` (an IPP) and `text` (a name) for the 2D codes.
std::string symbolPayload(const std::string& symbology, const std::string& digits, const std::string& text);
// Black-on-white symbol with a quiet zone; `sidePx` is the side of a 2D code (its height for PDF417) or the
// bar height of a linear code, never fewer than one pixel per module. Empty when the writer refuses the payload.
cv::Mat symbolImage(const std::string& symbology, const std::string& payload, int sidePx, int* quietPx = nullptr);
// Draws the symbol rotated by `degrees` with its top-left corner near `at`; records it as a barcode element
// (box: bounds of the rotated bars, quiet zone excluded). Returns the drawn bounds (empty when refused).
cv::Rect placeSymbol(Canvas& c, const std::string& symbology, const std::string& payload, cv::Point at, int sidePx,
                     double degrees);
// A rotated label sticker (white paper, a thin border) with text lines and an optional symbol, drawn at `at`;
// its truth (text boxes, the symbol) follows the rotation. Returns the drawn bounds.
struct StickerLine {
  std::string text, category;
  Font font = Font::Sans;
};
cv::Rect sticker(Canvas& c, Rng& rng, cv::Point at, const std::vector<StickerLine>& lines, int glyphPx,
                 const std::string& symbology, const std::string& payload, int symbolPx, double degrees);

// Copies `src` into `dst` at `at` (clipped); returns the drawn rectangle.
cv::Rect paste(cv::Mat& dst, const cv::Mat& src, cv::Point at);
// Tight box of non-zero pixels of a single-channel mask (empty when none).
cv::Rect inkBox(const cv::Mat& mask);

SynthImage finish(ImageKind kind, Canvas&& c);

}  // namespace medpics::synth::detail
