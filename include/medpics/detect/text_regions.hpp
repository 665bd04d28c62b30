// Text-line localisation: PP-OCRv4 DB network (tiled, padded) and a classical morphological localiser for both
// polarities.
#pragma once
#include "medpics/util/cancel.hpp"

#include <opencv2/core.hpp>

#include <algorithm>
#include <cmath>

#include <array>
#include <functional>
#include <string>
#include <vector>

namespace medpics::detect {

struct TextRegion {
  cv::RotatedRect rect;  // line outline in image pixels
  cv::Rect box;          // axis-aligned bounds, clipped to the image
  float score = 0.f;
  std::string source;  // "ppocr-db", "ppocr-db-fine" (small-text pass), "morph" (classical) or "block-row"
};

struct TextOptions {
  std::string modelPath;   // PP-OCRv4 DB ONNX; empty: findModel()
  int dbSide = 960;        // long side the image is scaled to for the network (images larger than
  int dbTileSide = 640;    //   dbTileSide after scaling are cut into overlapping tiles of this side; 640 since
                           //   the small-text refinement reads what the coarse pass no longer resolves)
  int dbLargeSide = 1216;  // long side used for images above 4 MP (0: one tile like smaller images; 1216: 2x2 tiles):
                           //   at 576 px a 12 MP page shows its 55 px header lines at 8 px, and DB misses some
  int dbPad = 32;          // constant padding so that text touching the edges is found
  float binaryThreshold = 0.3f;
  float boxThreshold = 0.6f;
  float unclipRatio = 1.6f;
  bool classical = true;     // morphological localiser as a complement
  int classicalSide = 2000;  // working long side of the classical localiser
  int maxClassical = 60;     // at most this many classical-only candidates (largest first)
  // Small-text pass: where the downscaled image shows rows of glyph-like texture that the coarse pass did not
  // resolve into lines, the network runs again on full-resolution tiles enlarged refineScale times.
  bool refine = true;
  double refineScale = 1.5;  // 8 px glyphs reach the network at 12 px
  int refineTileSide = 640;  // network input side of a refinement tile (multiple of 32)
  int maxRefineTiles = 16;   // time bound per image (the tiles with the most texture first), in square tiles
  // Network input height of a refinement tile (multiple of 32; 0 or >= refineTileSide: square tiles). A row is at
  // most ~150 image px high, 225 network px at 1.5x: strips of 256 read it with 40 % of a square's pixels, and the
  // budget above becomes maxRefineTiles x refineTileSide / refineTileHeight strips. Off by default: with the row
  // split before OCR, strips cut identity lines at their borders and 8-10 px dates and ids were masked only in part
  // (the [misses] tests of a bordered 8 px block and of nearly merged lines fail with 256); square tiles pass them.
  int refineTileHeight = 0;
  // Paper labels (paperLabels) get refinement tiles before the rows: set for photos, radiographs and ultrasounds,
  // where a sticker's 8-11 px print shows at 1-2 px in the coarse pass and the skin or film around it is no row.
  bool labels = false;
  // Runs body(0..n-1), possibly on several threads, and returns when all have run (the pipeline spreads the
  // refinement tiles over its workers); empty: one after the other on the calling thread.
  std::function<void(std::size_t n, const std::function<void(std::size_t)>& body)> parallelFor;
};

// Rows of glyph-like texture on the downscaled image that `found` does not already resolve (no region, or only a
// region much taller than the row, i.e. several lines merged): rectangles in image pixels.
// `faint` (when given) receives apart the rows seen only at the lowest edge threshold (extra-light print, and texture).
std::vector<cv::Rect> smallTextRows(const cv::Mat& bgr, const std::vector<TextRegion>& found,
                                    std::vector<cv::Rect>* faint = nullptr);

// Paper labels on a photo, radiograph or ultrasound (image pixels): bright unsaturated rectangles, at most 5 % of the
// image, with 2-50 % ink inside, that stand out from what lies around them (a patient label stuck on the skin).
std::vector<cv::Rect> paperLabels(const cv::Mat& bgr);

// Loads the calling thread's network instances used by dbTextRegions (coarse and refinement shapes); cheap when loaded.
// `infer`: also runs one inference on each at its input shape (the first forward pass allocates the layers).
void loadTextNetworks(const TextOptions& options, bool infer = false);

std::vector<TextRegion> dbTextRegions(const cv::Mat& bgr, const TextOptions& options,
                                      const util::CancelToken& cancel = {});
std::vector<TextRegion> classicalTextRegions(const cv::Mat& bgr, const TextOptions& options);

// Grows a nearly horizontal line (turned at most 11 degrees) at its ends flagged in `ends` along its row of `gray` as
// long as its ink goes on (its own Otsu level and polarity; strokes longer than three line heights are rules, not
// ink): gaps under `gapHeights` line heights, at most `reach` pixels, not into the next line of its row in `lines`.
// The outline grows to the last ink plus a quarter of the line height, and `ends` is cleared. Used for a fine line a
// refinement tile's edge cut ("N° de dossier : 9938599", its last three digits seen by no tile: gaps of 1.2 heights)
// and for the mask of a small PHI line whose outline stops short of its last glyphs (0.35: within a word).
void followLineInk(TextRegion& line, std::array<bool, 2>& ends, const cv::Mat& gray, const std::vector<TextRegion>& lines,
                   int reach, double gapHeights);
// True when a grey crop holds a row of at least `minGlyphs` glyph-like components (either polarity).
bool looksLikeGlyphRow(const cv::Mat& gray, int minGlyphs = 2);

// True when a line's outline is turned so little that its upright bounding box holds the line as well: under 2
// degrees, and the turn moves the far end of the long side by at most 15 % of the short side. A long line turned by
// 1.9 degrees is not upright: its box also holds pieces of the rows above and below (read as garbage by OCR,
// masked with it).
inline bool nearlyUpright(const cv::RotatedRect& rect) {
  const float angle = std::fmod(std::abs(rect.angle), 90.f);
  const float tilt = std::min(angle, 90.f - angle);
  const float longSide = std::max(rect.size.width, rect.size.height);
  const float shortSide = std::min(rect.size.width, rect.size.height);
  return tilt < 2.f && longSide * std::sin(tilt * float(CV_PI) / 180.f) <= 0.15f * shortSide;
}

// Keeps every network region and the classical regions that the network did not already cover.
std::vector<TextRegion> mergeTextRegions(std::vector<TextRegion> network, const std::vector<TextRegion>& classical);

}  // namespace medpics::detect
