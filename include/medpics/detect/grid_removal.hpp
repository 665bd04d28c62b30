// ECG printouts: coloured grid removal for text localisation and OCR (pink grid, also inverted), trace detection.
#pragma once
#include <opencv2/core.hpp>

namespace medpics::detect {

// A grey copy (as 3-channel BGR) where a coloured grid fades into the paper and neutral ink stays: on bright paper
// each pixel keeps its brightest channel (a pink or red grid line is bright in red, black ink is dark in all
// channels), on dark paper (an inverted printout) its darkest channel (the cyan negative of the grid is dark in red).
cv::Mat withoutColouredGrid(const cv::Mat& bgr);

// True when the ink of a grey crop of a text region (the minority class after an Otsu threshold) lies mostly (60 %) in
// thin strokes: components longer along the region than the region is high that fill at most a fifth of their own
// box. That is an ECG trace (each beat's P and T waves, cut from its QRS by the region's edge) that the text network
// took for a line; letters are shorter than the line is high, and an underline fills its box. Or pieces of a beat that
// fill the region's height and a quarter of its length each, thin (letters are narrower in a line).
bool looksLikeTrace(const cv::Mat& gray);

}  // namespace medpics::detect
