// 1-D barcode candidates found from their bars (not from a decoded scan line), read again at full resolution.
#pragma once
#include <opencv2/core.hpp>

#include <optional>
#include <string>
#include <vector>

namespace medpics::detect {

// A region where bars dominate: its rotated outline (image pixels of the grey image it was found on) and whether
// the bars run vertically (the scan line is horizontal).
struct BarCandidate {
  cv::RotatedRect outline;
  bool verticalBars = true;
};

// Candidate 1-D codes of a grey image: areas where the gradient across the bars dominates the gradient along them,
// closed along the scan direction, at least 20 px long and 10 px high.
std::vector<BarCandidate> localiseLinearCodes(const cv::Mat& gray);

// The candidate's crop, deskewed and turned so that its bars are vertical (`scale` maps the outline to `gray`).
cv::Mat straightenedBars(const cv::Mat& gray, const BarCandidate& c, double scale);

// True when a straightened crop shows a 1-D code: at least 10 bars (dips of the middle rows' column profile, blurred
// 1 px modules included), spaced unevenly (a ruler's ticks are even), half the rows repeating the profile, bars long
// for their spacing, and inside them a gradient across the bars at least 4x the gradient along them (not text).
bool looksLikeBars(const cv::Mat& straight);

// The rows of a straightened crop where its bars are: the longest run of rows whose gradient across the bars reaches
// half of the strongest row's, two rows of margin on either side (a short symbol in a crop that also holds a sticker's
// edges above and below it). The whole crop when that run covers 60 % of it or more (the lines of ECG paper along a
// band of 47 of 66 rows passed the bar test).
cv::Mat barBand(const cv::Mat& straight);

// True when a straightened crop holds a 1-D code beside a bold word that the localiser joined to it ("DER BERG" 15 px
// before a Code 128 on a sticker): split at a light gap three times the usual bar spacing or more, one side passes
// looksLikeBars.
bool looksLikeBarsBesideText(const cv::Mat& straight);

// True when a straightened crop shows a stacked code (PDF417, MicroPDF417): 16 rows or more, nearly all of them
// repeating the row above and half of them exactly (rows of bars a few pixels high: 42 of 63 rows of a blurred
// PDF417 at 0.97 or more, 4 of 22 in a line of digits) in three runs or more evenly pitched (the code's rows; a
// large line of text repeats its rows in one or two runs), the first and last rows different (the pattern changes
// from row to row), at least 15 bars across the middle row, spaced unevenly, and a gradient across the bars at
// least 1.8x the gradient along them (text lines: about 1; a blurred PDF417 rotated 4 degrees, its row boundaries
// included: 2.1).
bool looksLikeStackedBars(const cv::Mat& straight);

struct LinearRead {
  std::string format, text;
};

// Reads a straightened crop as a 1-D code: everything beyond the outer bars becomes paper (a code printed against the
// edge of its band or label has no quiet zone), a white quiet zone is added, and small modules are upscaled.
std::optional<LinearRead> readStraightenedBars(const cv::Mat& straight);

}  // namespace medpics::detect
