// Line recognition with Tesseract 5 (fra+eng, LSTM, single-line mode), one engine per calling thread.
#pragma once
#include "medpics/detect/text_regions.hpp"

#include <opencv2/core.hpp>

#include <string>
#include <vector>

namespace medpics::detect {

struct OcrOptions {
  std::string languages = "fra+eng";
  int lineHeight = 40;  // line crops are rescaled to this height: glyphs about 28-30 px
};

// One word as Tesseract segmented it: its bytes in OcrLine::text and its extent along the line.
struct OcrWord {
  std::size_t begin = 0, end = 0;  // byte range in OcrLine::text
  float from = 0.f, to = 1.f;      // extent along the line crop, as fractions of its length (0 = start of the line)
  float confidence = 0.f;          // 0..1
};

struct OcrLine {
  std::string text;            // UTF-8, trimmed
  float confidence = 0.f;      // 0..1 (Tesseract mean word confidence)
  bool inverted = false;       // light text on dark background was inverted before recognition
  std::vector<OcrWord> words;  // in reading order (empty when Tesseract gave no word boxes)
};

// Tesseract 5 is built with OpenMP, and libgomp reads OMP_THREAD_LIMIT once, when it is loaded (before main()).
// Without OMP_THREAD_LIMIT=1 every line is recognised by a team of spinning threads, 5-10x slower on 2 cores.
// Call this first thing in main(): when the variable is unset it sets it and re-executes the program
// (/proc/self/exe with the same argv); it returns normally when the variable was already set.
void ensureSingleThreadedOcr(char** argv);
// True when OMP_THREAD_LIMIT=1 is in effect.
bool ocrSingleThreaded();

// Loads the engine of the calling thread;
// returns false with a message when Tesseract or its language data are unavailable.
bool ocrAvailable(const OcrOptions& options, std::string* error = nullptr);

// Deskews and crops the region, rescales it, normalises polarity and recognises it as one line.
OcrLine recogniseLine(const cv::Mat& bgr, const TextRegion& region, const OcrOptions& options = {});

// Recognises an already cropped grey or BGR line image.
OcrLine recogniseCrop(const cv::Mat& crop, const OcrOptions& options = {});

}  // namespace medpics::detect
