// Ink of a grey crop of print, in either polarity: the one binarisation the text-shape tests share.
#pragma once
#include <opencv2/core.hpp>

namespace medpics::detect {

// The grey image of a colour crop (BGR) that its print shows in: the luminance, or the colour channel that spreads
// more than twice as much where the print has about the paper's luminance (an orange camera stamp on skin: 5 grey
// levels apart, 100 in blue). A one-channel crop is returned as it is.
cv::Mat printGray(const cv::Mat& bgr);

// Otsu binarisation of `gray` (8-bit, one channel) with the ink as the minority class: 255 where ink, 0 elsewhere.
cv::Mat inkMask(const cv::Mat& gray);

// Grey levels between the ink and the paper of `gray` (the means of the two Otsu classes). Print, even 8 px after JPEG
// q35 or light grey on white, shows 30 or more; the faint streaks of a scanner's or a rotation's edge show under 10.
double inkContrast(const cv::Mat& gray);

// True when most ink shapes of `gray` that cross the middle row of `line` (an upright box in it) are at most
// `maxHeight` high: print of the line's own size, not larger print of which an outline caught a strip or a speck.
bool inkOfHeight(const cv::Mat& gray, const cv::Rect& line, int maxHeight);

// The rows (image rows, [start, end)) that the ink shapes of `gray` crossing the middle row of `line` span, shapes
// taller than `maxHeight` or cut a line height above or below `line` left out (a frame, a rule, a trace): how far the
// line's own glyphs reach up and down. An empty range when none crosses.
cv::Range inkRowsAcross(const cv::Mat& gray, const cv::Rect& line, int maxHeight);

}  // namespace medpics::detect
