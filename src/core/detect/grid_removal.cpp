// ECG printouts: grid removal (brightest channel on bright paper, darkest on dark paper) and trace detection.
#include "medpics/detect/grid_removal.hpp"

#include "medpics/detect/ink_mask.hpp"

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

bool looksLikeTrace(const cv::Mat& gray) {
  if (gray.empty() || gray.cols < 8 || gray.rows < 8) return false;
  cv::Mat labels, stats, centroids;
  const int n = cv::connectedComponentsWithStats(inkMask(gray), labels, stats, centroids, 8);
  const bool wide = gray.cols >= gray.rows;
  const int across = wide ? gray.rows : gray.cols;
  const int along = wide ? gray.cols : gray.rows;
  long ink = 0, strokes = 0, beats = 0;
  for (int i = 1; i < n; ++i) {
    const int area = stats.at<int>(i, cv::CC_STAT_AREA);
    const int w = stats.at<int>(i, cv::CC_STAT_WIDTH), h = stats.at<int>(i, cv::CC_STAT_HEIGHT);
    ink += area;
    // a stroke: longer along the region than the region is high, and filling at most a fifth of its own box
    if ((wide ? w : h) >= across && area <= 0.2 * double(w) * h) strokes += area;
    // a beat cut in pieces (a QRS complex and its T wave, apart by a pixel): as high as the region, thin, and wider
    // than a glyph is in a line (a quarter of the region's length; "= Hise" at 0.55 for a beat in a 93 x 70 px region)
    if ((wide ? h : w) >= 0.85 * across && (wide ? w : h) >= 0.25 * along && area <= 0.3 * double(w) * h) beats += area;
  }
  return ink > 0 && (strokes >= 0.6 * double(ink) || beats >= 0.9 * double(ink));
}

}  // namespace medpics::detect
