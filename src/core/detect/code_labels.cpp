// Label rule: text beside a barcode (stickers, wristbands) is masked as identity text, up to the code.
#include "medpics/detect/code_labels.hpp"

#include "medpics/detect/ink_mask.hpp"
#include "medpics/detect/text_context.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cctype>
#include <regex>
#include <string>

namespace medpics::detect {

static cv::Rect rectOf(const Box& b) { return {b.x, b.y, b.w, b.h}; }

cv::Rect codeLabelArea(const Finding& code, bool undecodedSquares) {
  if (code.kind != Kind::Barcode || !code.box || code.box->area() <= 0) return {};
  if (code.detector == "matrix-localiser" && !undecodedSquares) return {};
  const cv::Rect c = rectOf(*code.box);
  const int across = 2 * c.height + c.width / 2, above = c.height / 2 + c.width / 10;
  return {c.x - across, c.y - above, c.width + 2 * across, c.height + 2 * above};
}

static bool centreIn(const cv::Rect& area, const cv::Rect& box) {
  return area.contains(cv::Point(box.x + box.width / 2, box.y + box.height / 2));
}

bool onCodeLabel(const std::vector<Finding>& codes, const cv::Rect& box, bool undecodedSquares) {
  return std::any_of(codes.begin(), codes.end(),
                     [&](const Finding& c) { return centreIn(codeLabelArea(c, undecodedSquares), box); });
}

// Extends a line beside the code (left or right of it, its rows overlapping the code's by half its height) up to the
// code's near edge.
static void extendToCode(Finding& line, const cv::Rect& code) {
  cv::Rect b = rectOf(*line.box);
  const int overlap = std::min(b.br().y, code.br().y) - std::max(b.y, code.y);
  if (overlap < b.height / 2) return;
  if (b.br().x <= code.x)
    b.width = code.x - b.x;
  else if (b.x >= code.br().x)
    b = cv::Rect(code.br().x, b.y, b.br().x - code.br().x, b.height);
  else
    return;
  line.box = Box{b.x, b.y, b.width, b.height};
  line.polygon.clear();
}

// A masked line of uncertain text ("other-text") left of the code that starts right of the lines above or below it (the label's lines are printed from
// one left margin): the small-text pass outlined a fragment of it ("Le", 13 x 6 px, of a 9 px "IPP 8097363965" on a
// sticker, masked from its fourth character). Its left end goes to the margin of its neighbours: masked lines of the
// label left of the code, at most 1.5 line heights above or below it, starting at most six line heights left of it.
static void alignToLabelMargin(Finding& line, const std::vector<Finding>& findings, const cv::Rect& area,
                               const cv::Rect& code) {
  cv::Rect b = rectOf(*line.box);
  if (b.br().x > code.x) return;
  const int h = std::max(1, b.height);
  int margin = b.x;
  for (const Finding& other : findings) {
    if (&other == &line || other.kind != Kind::Text || !other.box || !other.phi) continue;
    const cv::Rect o = rectOf(*other.box);
    if (!centreIn(area, o) || o.br().x > code.x + h) continue;
    const int gap = std::max(o.y - b.br().y, b.y - o.br().y);
    if (gap <= 1.5 * h && o.x < margin && o.x >= b.x - 6 * h) margin = o.x;
  }
  if (margin == b.x) return;
  line.box = Box{margin, b.y, b.br().x - margin, b.height};
  line.polygon.clear();
}

// Grows a masked line's box over the glyphs its edges cut: ink pieces of glyph size (at most twice kGlyphReach high,
// reaching at most kGlyphReach px beyond the box, mostly inside it) that straddle an edge. A turned sticker's line outlined with the lines
// under it kept its box 4 px under the tops of "GIRARD Noël" (87 % of the name covered).
static void growOverCutGlyphs(Finding& line, const cv::Mat& gray) {
  constexpr int kGlyphReach = 12;
  const cv::Rect b = rectOf(*line.box) & cv::Rect(0, 0, gray.cols, gray.rows);
  if (b.empty()) return;
  const cv::Rect window =
      cv::Rect(b.x - kGlyphReach, b.y - kGlyphReach, b.width + 2 * kGlyphReach, b.height + 2 * kGlyphReach) &
      cv::Rect(0, 0, gray.cols, gray.rows);
  cv::Mat labels, stats, centroids;
  const int n = cv::connectedComponentsWithStats(inkMask(gray(window)), labels, stats, centroids, 8);
  cv::Rect grown = b;
  for (int i = 1; i < n; ++i) {
    const cv::Rect piece(stats.at<int>(i, cv::CC_STAT_LEFT) + window.x, stats.at<int>(i, cv::CC_STAT_TOP) + window.y,
                         stats.at<int>(i, cv::CC_STAT_WIDTH), stats.at<int>(i, cv::CC_STAT_HEIGHT));
    const cv::Rect inside = piece & b;
    // (a piece reaching the window's edge is no glyph: the sticker's frame, the next row's word, the code)
    const bool inWindow =
        piece.x > window.x && piece.y > window.y && piece.br().x < window.br().x && piece.br().y < window.br().y;
    if (!inWindow || inside.empty() || inside == piece || piece.height > kGlyphReach * 2) continue;
    if (inside.area() < 0.5 * piece.area()) continue;  // a neighbour's glyph that reaches into the box
    grown |= piece;
  }
  if (grown == b) return;
  line.box = Box{grown.x, grown.y, grown.width, grown.height};
  line.polygon.clear();
}

// "12,0 - 16,0", "3.5-5.1": two decimal numbers joined by a dash.
static bool decimalRange(const std::string& text) {
  static const std::regex range(R"(^\s*\d{1,4}[.,]\d{1,3}\s*-\s*\d{1,4}[.,]\d{1,3}\s*$)");
  return std::regex_match(text, range);
}

void maskCodeLabels(std::vector<Finding>& findings, const std::vector<Finding>& codes, const cv::Mat& gray) {
  for (const Finding& code : codes) {
    const cv::Rect area = codeLabelArea(code);
    if (area.empty()) continue;
    for (Finding& f : findings) {
      if (f.kind != Kind::Text || !f.box || !centreIn(area, rectOf(*f.box)) || decimalRange(f.text)) continue;
      // a line read as benign that holds four digits or more is an identifier or a date OCR garbled ("2500/1075"
      // for the birth date 25/09/1975 on a sticker, read at 0.63): a patient label prints no measurements
      const auto digits = std::count_if(f.text.begin(), f.text.end(), [](unsigned char ch) { return std::isdigit(ch); });
      if (f.category == kToCheckCategory || (!f.phi && f.category == "benign" && digits >= 4)) {
        f.phi = true;
        f.category = "other-text";
      }
      if (!f.phi) continue;
      extendToCode(f, rectOf(*code.box));
      if (!gray.empty()) growOverCutGlyphs(f, gray);
    }
    // (lines read with a PHI span start where their value's words start: their label, left out, stays visible)
    for (Finding& f : findings)
      if (f.kind == Kind::Text && f.box && f.phi && f.category == "other-text" && centreIn(area, rectOf(*f.box)))
        alignToLabelMargin(f, findings, area, rectOf(*code.box));
  }
}

}  // namespace medpics::detect
