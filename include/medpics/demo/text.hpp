// TrueType text drawing (OpenCV freetype + Debian fonts) that reports the exact box of the ink drawn.
#pragma once
#include <opencv2/core.hpp>

#include <memory>
#include <string>
#include <vector>

namespace medpics::synth {

enum class Font {
  Sans,
  SansBold,
  Serif,
  SerifBold,
  Mono,
  Narrow,
  // further faces of Debian's fonts-dejavu-extra / fonts-liberation / fonts-noto-core (the corpus' font mix)
  SansOblique,
  SansExtraLight,
  SansCondensed,
  SansCondensedBold,
  SerifItalic,
  SerifCondensed,
  MonoBold,
  LiberationSans,
  LiberationSansItalic,
  LiberationSerif,
  LiberationMono,
  NarrowBold,
  NotoSans,
  NotoSerif,
  NotoSansItalic,
  Count
};
// Regular-weight faces and bold faces of the mix (for body text and for headers / names).
const std::vector<Font>& bodyFonts();
const std::vector<Font>& boldFonts();

class TextRenderer {
 public:
  TextRenderer();
  ~TextRenderer();
  TextRenderer(const TextRenderer&) = delete;
  TextRenderer& operator=(const TextRenderer&) = delete;

  // Draws UTF-8 text whose baseline starts at `baseline` (x = left of the text cell), glyph height
  // `heightPx`, alpha-blended in `color` onto a CV_8UC3 image. Returns the tight box of the ink,
  // clipped to the image (empty when nothing landed inside).
  cv::Rect draw(cv::Mat& image, const std::string& text, cv::Point baseline, int heightPx, const cv::Scalar& color,
                Font font = Font::Sans);
  // Advance width of the text cell in pixels (to lay out the next word on the line).
  int width(const std::string& text, int heightPx, Font font = Font::Sans);
  // True when TrueType fonts were found; otherwise a Hershey fallback is used (no accents).
  bool trueType() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// One renderer per thread (FreeType faces are not thread-safe).
TextRenderer& threadTextRenderer();

}  // namespace medpics::synth
