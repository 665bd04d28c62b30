// OCR of proof documents with Tesseract (fra+eng), one engine per thread.
#pragma once
#include <opencv2/core.hpp>

#include <string>
#include <vector>

namespace medpics::creds {

// Text of a proof image (BGR, BGRA or grey), read with Tesseract "fra+eng" after scaling the image so
// that glyphs are about 30 px high. One Tesseract engine per calling thread, created on first use.
// Tesseract is built with OpenMP: start the process with OMP_THREAD_LIMIT=1 (libgomp reads it when it
// is loaded, before main), else each call spins a team of threads. Returns an empty string for an
// empty image or when nothing is read.
// Throws std::runtime_error when Tesseract or its language data cannot be loaded.
std::string ocrDocument(const cv::Mat& image);

// Where a word of the text was read: its bytes in OcrResult::text and its box in the image's pixels (geometry
// only: callers that keep it keep no text).
struct OcrWord {
  std::size_t offset = 0, length = 0;
  cv::Rect box;
};

struct OcrResult {
  std::string text;
  double confidence = 0;       // Tesseract's mean word confidence, 0..100 (sharp print ≈ 90, blurred < 70)
  std::vector<OcrWord> words;  // in reading order
};
// Union of the boxes of the words overlapping text bytes [offset, offset + length) (empty when none).
cv::Rect boxOfSpan(const std::vector<OcrWord>& words, std::size_t offset, std::size_t length);
// ocrDocument with the confidence, for ProofDocument::ocrConfidence. When the automatic page layout
// finds no text (it fails on some blurred photos), the image is read again as a single text block.
OcrResult readDocument(const cv::Mat& image);

// Estimated height in pixels of the text glyphs of a grey image (median of dark connected components), 0 if none.
double estimateGlyphHeight(const cv::Mat& gray);

}  // namespace medpics::creds
