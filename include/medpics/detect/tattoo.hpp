// Best-effort tattoo / distinctive-mark detector: ink-like regions (dark or blue-green) enclosed by skin.
#pragma once
#include "medpics/detect/finding.hpp"

#include <opencv2/core.hpp>

#include <vector>

namespace medpics::detect {

struct TattooOptions {
  int workingSide = 640;
  double minSkinFraction = 0.05;  // below this fraction of skin pixels, the image is not a skin photo
  double minMarkArea = 0.0008;    // of the image area
  double maxMarkArea = 0.25;
};

// Findings: kind tattoo, category "tattoo", phi true, confidence <= 0.4 ("to check").
// `exclude` (e.g. face boxes) are ignored: eyes, brows and mouths are dark regions within skin too.
std::vector<Finding> detectTattoos(const cv::Mat& bgr, const std::vector<Box>& exclude = {},
                                   const TattooOptions& options = {});

}  // namespace medpics::detect
