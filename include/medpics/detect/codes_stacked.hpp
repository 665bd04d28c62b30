// Stacked 2-D codes (PDF417) recognised undecoded from their start and stop guard bars.
#pragma once
#include <opencv2/core.hpp>

namespace medpics::detect {

// True when a grey crop around a candidate blob (1.5 times as wide as tall or more, dark print on light paper) shows
// the guards of a PDF417 symbol: a band of columns dark in 80 % of the middle rows, 4 to 15 % of the crop wide, in its
// left fifth (start) AND in its right third (stop), each ending sharply on the symbol's side (a column of paper within
// a quarter of its width, or a dip and another bar: not the slanted edge of a dark surround), and between
// them rows of codewords (3.5 ink/paper changes or more down a column on average). A frame around text has thin
// sides; a bold word changes under two times down a column on average.
bool showsStackedCodeGuards(const cv::Mat& gray);

}  // namespace medpics::detect
