// Blocks of small-print lines: a row of a block that the network did not outline (the first line of an ECG header
// printed over its grid) is added where the block's pitch says it is and the image shows glyphs there.
#pragma once
#include "medpics/detect/text_regions.hpp"

#include <opencv2/core.hpp>

#include <vector>

namespace medpics::detect {

// Columns of two or more small-text lines turned at most 3 degrees (source "ppocr-db-fine": left edges within a line height, heights
// within a factor 1.6, evenly pitched 0.8-2.2 line heights apart) are blocks. For each block, the row one pitch above
// its first line, as wide as the block (its lines and the fine lines on its rows), is
// returned as a new region (source "block-row") when its centre lies in the header or footer band (the top 20 % or
// the bottom 10 % of the image, where identity is printed), no region covers 30 % of it, it lies in the image, and `bgr` shows a row of three
// glyphs or more there (looksLikeGlyphRow on its grey crop); it is then followed along its ink to the right (a first
// line longer than the lines under it), up to the next line of its row.
std::vector<TextRegion> missingBlockRows(const cv::Mat& bgr, const std::vector<TextRegion>& regions);

}  // namespace medpics::detect
