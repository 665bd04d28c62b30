// Coloured grid removal: brightest channel on bright paper, darkest channel on dark paper (see grid_removal.hpp).
#include "medpics/detect/grid_removal.hpp"

#include <opencv2/imgproc.hpp>

#include <vector>

namespace medpics::detect {

cv::Mat withoutColouredGrid(const cv::Mat& bgr) {
  if (bgr.empty() || bgr.type() != CV_8UC3) return bgr;
  std::vector<cv::Mat> ch;
  cv::split(bgr, ch);
  cv::Mat hi, lo;
  cv::max(ch[0], ch[1], hi);
  cv::max(hi, ch[2], hi);
  cv::min(ch[0], ch[1], lo);
  cv::min(lo, ch[2], lo);
  // paper polarity from the grey mean of a small copy
  cv::Mat small, gray;
  cv::resize(bgr, small, {}, 0.125, 0.125, cv::INTER_AREA);
  cv::cvtColor(small, gray, cv::COLOR_BGR2GRAY);
  const bool brightPaper = cv::mean(gray)[0] >= 128;
  cv::Mat out;
  cv::cvtColor(brightPaper ? hi : lo, out, cv::COLOR_GRAY2BGR);
  return out;
}

}  // namespace medpics::detect
