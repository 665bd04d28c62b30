// Text regions that hold several rows of text (a coarse region over two lines) split into one region per row.
#pragma once
#include "medpics/detect/text_regions.hpp"

#include <opencv2/core.hpp>

#include <vector>

namespace medpics::detect {

// Each region whose crop (laid along its reading direction, binarised with the ink as the minority class) shows two
// or more ink bands of comparable height (each at least 40 % of the tallest) separated by rows with almost no ink
// (under 12 % of the densest row) is replaced by one region per band, each widened by half the gaps around it; other
// regions are returned unchanged, in order. A region that shows one band along its own axis is read across again
// along the slope of its ink (inkSlope, up to 3 degrees): rows of a slightly rotated page overlap in an upright box. OCR reads one line per region: two merged rows read as garbage.
std::vector<TextRegion> splitMultiRowRegions(const cv::Mat& bgr, const std::vector<TextRegion>& regions);

// The row bands of a grey line crop (ink bands in crop rows, half-open [first, second)); one band when it is a single
// row of text. Exposed for tests.
std::vector<std::pair<int, int>> inkRows(const cv::Mat& gray);

// The slope (dv/du, within +-3 degrees in 0.25 degree steps) along which the ink rows of a grey crop are sharpest
// (projection profile with the largest sum of squares); 0 when the crop is too small or holds almost no ink.
double inkSlope(const cv::Mat& gray);

}  // namespace medpics::detect
