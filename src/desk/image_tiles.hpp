// CPU side of a displayed image: RGBA tiles made on a worker and handed to the view, which uploads them (no GL here).
#pragma once
#include <opencv2/core.hpp>

#include <memory>
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
  const cv::Mat* pixels = nullptr;  // the decoded image it shows: textures uploaded ahead for it are adopted
};

// An image the view may upload ahead (the next post's, from the prefetch cache), before any ImageDisplay exists.
struct DisplaySource {
  std::shared_ptr<const cv::Mat> pixels;                // identifies the image (kept alive while preloaded)
  std::shared_ptr<const std::vector<RgbaTile>> tiles;  // what to upload
};

}  // namespace medpics::desk
