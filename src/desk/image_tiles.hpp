// CPU side of a displayed image: RGBA tiles made on a worker and handed to the view, which uploads them (no GL here).
#pragma once
#include <opencv2/core.hpp>

#include <vector>

namespace medpics::desk {

struct RgbaTile {
  cv::Rect area;  // in image pixels
  cv::Mat rgba;   // continuous RGBA8 pixels of that area
};

// Splits an image into tiles no larger than maxSide (row-major); converts BGR → RGBA (worker side).
std::vector<cv::Rect> tileLayout(cv::Size size, int maxSide);
std::vector<RgbaTile> makeTiles(const cv::Mat& bgr, int maxSide);

// What the view shows of an image: its tiles until the view has uploaded them (then released). The object's
// identity keys the view's GPU state for the image, which is freed once the last owner lets go of it.
struct ImageDisplay {
  std::vector<RgbaTile> tiles;
};

}  // namespace medpics::desk
