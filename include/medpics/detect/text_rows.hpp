// Text regions that hold several rows of text (a coarse region over two lines) split into one region per row.
#pragma once
#include "medpics/detect/text_regions.hpp"

#include <opencv2/core.hpp>

#include <vector>

namespace medpics::detect {

// Each region whose crop (laid along its reading direction, binarised with the ink as the minority class) shows two
// or more ink bands of comparable height (each at least 40 % of the tallest) separated by rows with almost no ink
// (under 12 % of the densest row) is replaced by one region per band, each widened by half the gaps around it; other
// regions are returned unchanged, in order. OCR reads one line per region: two merged rows read as garbage.
std::vector<TextRegion> splitMultiRowRegions(const cv::Mat& bgr, const std::vector<TextRegion>& regions);

// The row bands of a grey line crop (ink bands in crop rows, half-open [first, second)); one band when it is a single
// row of text. Exposed for tests.
std::vector<std::pair<int, int>> inkRows(const cv::Mat& gray);

}  // namespace medpics::detect
