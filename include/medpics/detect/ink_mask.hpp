// Ink of a grey crop of print, in either polarity: the one binarisation the text-shape tests share.
#pragma once
#include <opencv2/core.hpp>

namespace medpics::detect {

// Otsu binarisation of `gray` (8-bit, one channel) with the ink as the minority class: 255 where ink, 0 elsewhere.
cv::Mat inkMask(const cv::Mat& gray);

}  // namespace medpics::detect
