// Tesseract OCR of proof images: grey conversion, scaling to ~30 px glyphs, one engine per thread.
#include "medpics/creds/ocr.hpp"

#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <vector>

namespace medpics::creds {
namespace {

constexpr double kTargetGlyphHeight = 30.0;

std::size_t alphanumerics(const std::string& text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }));
}

struct Engine {
  tesseract::TessBaseAPI api;
  Engine() {
    if (api.Init(nullptr, "fra+eng", tesseract::OEM_LSTM_ONLY) != 0) {
      throw std::runtime_error(
          "tesseract: cannot load the fra+eng language data (tesseract-ocr-fra, tesseract-ocr-eng)");
    }
    api.SetVariable("user_defined_dpi", "300");
  }
  ~Engine() { api.End(); }
};

Engine& engine() {
  thread_local std::unique_ptr<Engine> instance;
  if (!instance) instance = std::make_unique<Engine>();
  return *instance;
}

cv::Mat toGray(const cv::Mat& image) {
  cv::Mat gray;
  if (image.channels() == 1)
    gray = image;
  else if (image.channels() == 4)
    cv::cvtColor(image, gray, cv::COLOR_BGRA2GRAY);
  else
    cv::cvtColor(image, gray, cv::COLOR_BGR2GRAY);
  if (gray.depth() != CV_8U) gray.convertTo(gray, CV_8U);
  return gray;
}

// Divides by an estimate of the background (a closing wider than any glyph removes the ink) so that the page is
// evenly white: Tesseract thresholds a grey image with one global Otsu level, and on a card printed on a gradient
// the darker lower lines fell below it (a generated student card lost its INE and "Valable jusqu'au" lines).
cv::Mat flattenBackground(const cv::Mat& gray, double glyphHeight) {
  const int size = 2 * static_cast<int>(std::max(8.0, glyphHeight * 1.5)) + 1;
  cv::Mat background, flat;
  cv::morphologyEx(gray, background, cv::MORPH_CLOSE, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(size, size)));
  cv::divide(gray, background, flat, 255.0);
  return flat;
}

// The words of the last recognition with their boxes, mapped back to the caller's image (1 / scale) and to their
// bytes in `text` (found in order from the previous word's end).
std::vector<OcrWord> wordBoxes(tesseract::TessBaseAPI& api, const std::string& text, double scale) {
  std::vector<OcrWord> words;
  std::unique_ptr<tesseract::ResultIterator> it(api.GetIterator());
  if (!it) return words;
  std::size_t cursor = 0;
  do {
    const std::unique_ptr<char[]> word(it->GetUTF8Text(tesseract::RIL_WORD));
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    if (!word || !*word.get() || !it->BoundingBox(tesseract::RIL_WORD, &x0, &y0, &x1, &y1)) continue;
    const std::size_t at = text.find(word.get(), cursor);
    if (at == std::string::npos) continue;
    const std::size_t length = std::strlen(word.get());
    cursor = at + length;
    const cv::Point tl(static_cast<int>(std::floor(x0 / scale)), static_cast<int>(std::floor(y0 / scale)));
    const cv::Point br(static_cast<int>(std::ceil(x1 / scale)), static_cast<int>(std::ceil(y1 / scale)));
    words.push_back({at, length, cv::Rect(tl, br)});
  } while (it->Next(tesseract::RIL_WORD));
  return words;
}

}  // namespace

cv::Rect boxOfSpan(const std::vector<OcrWord>& words, std::size_t offset, std::size_t length) {
  cv::Rect box;
  for (const auto& w : words)
    if (w.offset < offset + length && offset < w.offset + w.length) box = box.empty() ? w.box : (box | w.box);
  return box;
}

double estimateGlyphHeight(const cv::Mat& gray) {
  cv::Mat binary, labels, stats, centroids;
  cv::threshold(gray, binary, 0, 255, cv::THRESH_BINARY_INV | cv::THRESH_OTSU);
  const int count = cv::connectedComponentsWithStats(binary, labels, stats, centroids, 8, CV_32S);
  std::vector<int> heights;
  for (int i = 1; i < count; ++i) {
    const int h = stats.at<int>(i, cv::CC_STAT_HEIGHT), w = stats.at<int>(i, cv::CC_STAT_WIDTH);
    const int area = stats.at<int>(i, cv::CC_STAT_AREA);
    // Glyph-like: not a speck, not a frame or a photo, not a rule.
    if (h >= 4 && area >= 8 && h < gray.rows / 3 && w < gray.cols / 4 && w <= 3 * h) heights.push_back(h);
  }
  if (heights.empty()) return 0;
  std::nth_element(heights.begin(), heights.begin() + static_cast<std::ptrdiff_t>(heights.size() / 2), heights.end());
  return heights[heights.size() / 2];
}

OcrResult readDocument(const cv::Mat& image) {
  if (image.empty()) return {};
  cv::Mat gray = toGray(image);
  const double glyph = estimateGlyphHeight(gray);
  double scale = 1;
  if (glyph > 0) {
    scale = std::clamp(kTargetGlyphHeight / glyph, 0.25, 4.0);
    if (scale < 0.9 || scale > 1.1)
      cv::resize(gray, gray, cv::Size(), scale, scale, scale < 1 ? cv::INTER_AREA : cv::INTER_CUBIC);
    else
      scale = 1;
    gray = flattenBackground(gray, kTargetGlyphHeight);
  }
  if (!gray.isContinuous()) gray = gray.clone();
  tesseract::TessBaseAPI& api = engine().api;
  // Both layouts are read and the one with more text kept: the automatic layout alone may drop the last lines of
  // a card (a generated student card lost its INE and "Valable jusqu'au" lines: test_creds_student_card.cpp).
  OcrResult best;
  for (const auto mode : {tesseract::PSM_AUTO, tesseract::PSM_SINGLE_BLOCK}) {
    api.SetPageSegMode(mode);
    api.SetImage(gray.data, gray.cols, gray.rows, 1, static_cast<int>(gray.step));
    const std::unique_ptr<char[]> text(api.GetUTF8Text());
    OcrResult result{text ? std::string(text.get()) : std::string(), static_cast<double>(api.MeanTextConf()), {}};
    if (alphanumerics(result.text) > alphanumerics(best.text)) result.words = wordBoxes(api, result.text, scale);
    api.Clear();
    if (alphanumerics(result.text) > alphanumerics(best.text)) best = std::move(result);
  }
  return best;
}

std::string ocrDocument(const cv::Mat& image) { return readDocument(image).text; }

}  // namespace medpics::creds
