// Coloured grid removal for text localisation and OCR on ECG printouts (pink grid, also inverted).
#pragma once
#include <opencv2/core.hpp>

namespace medpics::detect {

// A grey copy (as 3-channel BGR) where a coloured grid fades into the paper and neutral ink stays: on bright paper
// each pixel keeps its brightest channel (a pink or red grid line is bright in red, black ink is dark in all
// channels), on dark paper (an inverted printout) its darkest channel (the cyan negative of the grid is dark in red).
cv::Mat withoutColouredGrid(const cv::Mat& bgr);

}  // namespace medpics::detect
