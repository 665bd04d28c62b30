// Tesseract line OCR: thread-local engines, deskewed line crops at ~30 px glyph height, dark-on-light polarity.
#include "medpics/detect/ocr.hpp"

#include "medpics/detect/ink_mask.hpp"

#include <opencv2/imgproc.hpp>
#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>

namespace medpics::detect {
namespace {

struct Engine {
  std::unique_ptr<tesseract::TessBaseAPI> api;
  std::string languages;
  bool ok = false;
};

Engine& engineFor(const OcrOptions& o) {
  thread_local Engine engine;
  if (!engine.api || engine.languages != o.languages) {
    // Engines are created one at a time: Tesseract's initialisation reads and sets process-wide parameters, and
    // "debug_file" is one of them (a global of libtesseract, not of the engine): ThreadSanitizer caught two pipeline
    // workers writing it at once. It is set once, before any engine recognises a line.
    static std::mutex initMutex;
    static bool debugFileSet = false;
    std::lock_guard lock(initMutex);
    engine.api = std::make_unique<tesseract::TessBaseAPI>();
    engine.languages = o.languages;
    engine.ok = engine.api->Init(nullptr, o.languages.c_str(), tesseract::OEM_LSTM_ONLY) == 0;
    if (engine.ok) {
      engine.api->SetPageSegMode(tesseract::PSM_SINGLE_LINE);
      if (!debugFileSet) debugFileSet = engine.api->SetVariable("debug_file", "/dev/null");
      engine.api->SetVariable("user_defined_dpi", "300");
    }
  }
  return engine;
}

std::string trim(std::string s) {
  const auto first = s.find_first_not_of(" \t\r\n\f");
  if (first == std::string::npos) return {};
  const auto last = s.find_last_not_of(" \t\r\n\f");
  s = s.substr(first, last - first + 1);
  for (auto& c : s)
    if (c == '\n' || c == '\r') c = ' ';
  return s;
}

// Crop of a rotated rectangle, laid horizontally (longer side as width).
cv::Mat uprightCrop(const cv::Mat& bgr, const cv::RotatedRect& rect) {
  cv::Point2f pts[4];
  rect.points(pts);  // bottomLeft, topLeft, topRight, bottomRight
  float w = rect.size.width, h = rect.size.height;
  cv::Point2f src[3] = {pts[1], pts[2], pts[3]};
  if (h > w) {  // the long side is the "height": rotate the labelling
    std::swap(w, h);
    src[0] = pts[0];
    src[1] = pts[1];
    src[2] = pts[2];
  }
  const cv::Point2f dst[3] = {{0, 0}, {w, 0}, {w, h}};
  cv::Mat out;
  cv::warpAffine(bgr, out, cv::getAffineTransform(src, dst), cv::Size(std::max(1, int(w)), std::max(1, int(h))),
                 cv::INTER_LINEAR, cv::BORDER_REPLICATE);
  return out;
}

}  // namespace

void ensureSingleThreadedOcr(char** argv) {
  if (std::getenv("OMP_THREAD_LIMIT") || !argv || !argv[0]) return;
  setenv("OMP_THREAD_LIMIT", "1", 1);
  execv("/proc/self/exe", argv);  // only returns on failure: carry on, slower
}

bool ocrSingleThreaded() {
  const char* v = std::getenv("OMP_THREAD_LIMIT");
  return v && std::string(v) == "1";
}

bool ocrAvailable(const OcrOptions& options, std::string* error) {
  const bool ok = engineFor(options).ok;
  if (!ok && error) *error = "Tesseract could not load languages '" + options.languages + "' (tesseract-ocr-fra/-eng)";
  return ok;
}

OcrLine recogniseCrop(const cv::Mat& crop, const OcrOptions& o) {
  OcrLine line;
  Engine& engine = engineFor(o);
  if (!engine.ok || crop.empty()) return line;
  cv::Mat scaled, bin;
  const cv::Mat gray = printGray(crop);
  const double scale = std::clamp(double(o.lineHeight) / gray.rows, 0.1, 6.0);
  cv::resize(gray, scaled, {}, scale, scale, scale < 1 ? cv::INTER_AREA : cv::INTER_CUBIC);
  if (scaled.cols < 4 || scaled.rows < 4) return line;
  cv::threshold(scaled, bin, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
  if (cv::countNonZero(bin) < int(bin.total() / 2)) {  // mostly dark: light text on dark background
    cv::bitwise_not(scaled, scaled);
    line.inverted = true;
  }
  cv::copyMakeBorder(scaled, scaled, 10, 10, 10, 10, cv::BORDER_REPLICATE);
  const float lineLength = float(std::max(1, scaled.cols - 20));
  auto read = [&](const cv::Mat& img, std::string& text, float& confidence, std::vector<OcrWord>& words) {
    engine.api->SetImage(img.data, img.cols, img.rows, 1, int(img.step));
    std::unique_ptr<char[]> t(engine.api->GetUTF8Text());
    text = t ? trim(t.get()) : std::string();
    confidence = std::max(0, engine.api->MeanTextConf()) / 100.f;
    words.clear();
    // word boxes (in the padded, rescaled crop) as fractions of the line's length, and their bytes in the text
    if (std::unique_ptr<tesseract::ResultIterator> it{engine.api->GetIterator()}) {
      std::size_t at = 0;
      do {
        std::unique_ptr<char[]> w(it->GetUTF8Text(tesseract::RIL_WORD));
        int l = 0, top = 0, r = 0, b = 0;
        if (!w || !it->BoundingBox(tesseract::RIL_WORD, &l, &top, &r, &b)) continue;
        const std::size_t pos = text.find(w.get(), at);
        if (pos == std::string::npos) continue;
        OcrWord word;
        word.begin = pos;
        word.end = pos + std::strlen(w.get());
        word.from = std::clamp((float(l) - 10.f) / lineLength, 0.f, 1.f);
        word.to = std::clamp((float(r) - 10.f) / lineLength, 0.f, 1.f);
        word.confidence = std::max(0.f, it->Confidence(tesseract::RIL_WORD)) / 100.f;
        words.push_back(word);
        at = word.end;
      } while (it->Next(tesseract::RIL_WORD));
    }
    engine.api->Clear();
  };
  read(scaled, line.text, line.confidence, line.words);
  // The majority class is not always the background (bold text, inverted headers on a grid): a doubtful reading
  // is tried in the other polarity and the more confident reading is kept.
  if (line.confidence < 0.6f) {
    cv::Mat other;
    cv::bitwise_not(scaled, other);
    std::string text;
    float confidence = 0;
    std::vector<OcrWord> words;
    read(other, text, confidence, words);
    if (confidence > line.confidence + 0.05f && !text.empty()) {
      line.text = text;
      line.confidence = confidence;
      line.words = std::move(words);
      line.inverted = !line.inverted;
    }
  }
  return line;
}

OcrLine recogniseLine(const cv::Mat& bgr, const TextRegion& region, const OcrOptions& o) {
  const bool axisAligned = nearlyUpright(region.rect);
  cv::Mat crop = axisAligned ? bgr(region.box).clone() : uprightCrop(bgr, region.rect);
  if (axisAligned && crop.rows > crop.cols * 1.5) cv::rotate(crop, crop, cv::ROTATE_90_CLOCKWISE);
  return recogniseCrop(crop, o);
}

}  // namespace medpics::detect
