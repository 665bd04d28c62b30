// Text-line localisation: PP-OCRv4 DB network (tiled, padded) and a classical morphological localiser for both polarities.
#pragma once
#include "medpics/work/task_pool.hpp"

#include <opencv2/core.hpp>

#include <string>
#include <vector>

namespace medpics::detect {

struct TextRegion {
  cv::RotatedRect rect;  // line outline in image pixels
  cv::Rect box;          // axis-aligned bounds, clipped to the image
  float score = 0.f;
  std::string source;    // "ppocr-db" or "morph"
};

struct TextOptions {
  std::string modelPath;     // PP-OCRv4 DB ONNX; empty: findModel()
  int dbSide = 960;          // long side the image is scaled to for the network (images larger than
  int dbTileSide = 960;      //   dbTileSide after scaling are cut into overlapping tiles of this side)
  int dbLargeSide = 0;       // long side used for images above 4 MP (0: one tile like smaller images; 1600: 4 tiles)
  int dbPad = 32;            // constant padding so that text touching the edges is found
  float binaryThreshold = 0.3f;
  float boxThreshold = 0.6f;
  float unclipRatio = 1.6f;
  bool classical = true;     // morphological localiser as a complement
  int classicalSide = 2000;  // working long side of the classical localiser
  int maxClassical = 60;     // at most this many classical-only candidates (largest first)
};

std::vector<TextRegion> dbTextRegions(const cv::Mat& bgr, const TextOptions& options,
                                      const work::CancelToken& cancel = {});
std::vector<TextRegion> classicalTextRegions(const cv::Mat& bgr, const TextOptions& options);
// True when a grey crop holds a row of at least `minGlyphs` glyph-like components (either polarity).
bool looksLikeGlyphRow(const cv::Mat& gray, int minGlyphs = 2);

// Keeps every network region and the classical regions that the network did not already cover.
std::vector<TextRegion> mergeTextRegions(std::vector<TextRegion> network, const std::vector<TextRegion>& classical);

}  // namespace medpics::detect
