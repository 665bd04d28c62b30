// Rows of small-print blocks the network missed: found from the block's pitch, kept when the image shows glyphs.
#include "medpics/detect/text_blocks.hpp"

#include "medpics/detect/text_context.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <cmath>

namespace medpics::detect {

// Degrees between a line's outline and the nearest axis (pages and stickers turn by up to 3 degrees).
static float tiltDegrees(const cv::RotatedRect& rect) {
  const float angle = std::fmod(std::abs(rect.angle), 90.f);
  return std::min(angle, 90.f - angle);
}

std::vector<TextRegion> missingBlockRows(const cv::Mat& bgr, const std::vector<TextRegion>& regions) {
  std::vector<std::size_t> fine;
  for (std::size_t i = 0; i < regions.size(); ++i)
    if (regions[i].source == "ppocr-db-fine" && tiltDegrees(regions[i].rect) <= 3.f &&
        regions[i].box.width >= 2 * regions[i].box.height)
      fine.push_back(i);
  std::sort(fine.begin(), fine.end(), [&](std::size_t a, std::size_t b) { return regions[a].box.y < regions[b].box.y; });
  const cv::Rect image(0, 0, bgr.cols, bgr.rows);
  std::vector<TextRegion> added;
  std::vector<char> inBlock(regions.size(), 0);
  cv::Mat gray;  // converted once a candidate row needs it
  const auto covered = [&](const cv::Rect& r) {
    const auto covers = [&](const TextRegion& t) { return (t.box & r).area() > 0.3 * r.area(); };
    return std::any_of(regions.begin(), regions.end(), covers) || std::any_of(added.begin(), added.end(), covers);
  };
  for (std::size_t first : fine) {
    if (inBlock[first]) continue;
    // the column under `first`: each next line starts within a line height of the previous one, one pitch below
    std::vector<std::size_t> column{first};
    for (bool grown = true; grown;) {
      grown = false;
      const cv::Rect& last = regions[column.back()].box;
      for (std::size_t j : fine) {
        const cv::Rect& b = regions[j].box;
        const int h = std::max(last.height, b.height);
        const int pitch = b.y - last.y;
        if (std::abs(b.x - last.x) > h || pitch < 0.8 * h || pitch > 2.2 * h ||
            std::max(b.height, last.height) > 1.6 * std::min(b.height, last.height))
          continue;
        column.push_back(j);
        grown = true;
        break;
      }
    }
    if (column.size() < 2) continue;
    for (std::size_t i : column) inBlock[i] = 1;
    std::vector<int> pitches;
    for (std::size_t k = 1; k < column.size(); ++k) pitches.push_back(regions[column[k]].box.y - regions[column[k - 1]].box.y);
    std::nth_element(pitches.begin(), pitches.begin() + long(pitches.size() / 2), pitches.end());
    const int pitch = pitches[pitches.size() / 2];
    // the block's extent: its lines and the fine lines on its rows that continue them (gaps under ten line heights)
    const cv::Rect& top = regions[column.front()].box;
    const cv::Rect& bottom = regions[column.back()].box;
    int left = top.x, right = top.br().x;
    for (std::size_t i : column) {
      left = std::min(left, regions[i].box.x);
      right = std::max(right, regions[i].box.br().x);
    }
    for (bool grown = true; grown;) {
      grown = false;
      for (std::size_t j : fine) {
        const cv::Rect& b = regions[j].box;
        const int cy = b.y + b.height / 2;
        if (cy < top.y || cy > bottom.br().y || b.br().x <= right || b.x > right + 10 * top.height) continue;
        right = b.br().x;
        grown = true;
      }
    }
    {  // the row above the block (an identity block's first line, under the page's top edge or a grid line)
      const int h = top.height;
      const cv::Rect row(left, top.y - pitch, right - left, h);
      // only in the header and footer bands, where identity is printed (below a lab table's last row, a row read as
      // "INSÉRER" or "DURS" would be masked as a name)
      if (!inIdentityBand(row, image.height)) continue;
      if ((row & image) != row || covered(row)) continue;
      if (gray.empty()) cv::cvtColor(bgr, gray, cv::COLOR_BGR2GRAY);
      if (!looksLikeGlyphRow(gray(row), 3)) continue;
      TextRegion r;
      r.box = row;
      r.rect = cv::RotatedRect(cv::Point2f(float(row.x) + float(row.width) / 2.f, float(row.y) + float(row.height) / 2.f),
                               cv::Size2f(float(row.width), float(row.height)), 0.f);
      r.score = 0.5f;
      r.source = "block-row";  // kept only when read with a certain verdict (the pipeline): no network saw a line there
      // the missed row may run further than the lines under it: followed along its ink to the next line of its row
      std::array<bool, 2> ends = {false, true};
      followLineInk(r, ends, gray, regions, 40 * h, 1.2);
      added.push_back(r);
    }
  }
  return added;
}

}  // namespace medpics::detect
