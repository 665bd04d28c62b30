// Pipeline orchestration: decode, then faces / text localisation / codes in parallel, then line OCR in parallel,
// then classification; results cached by sha256 + pipeline version.
#include "medpics/detect/pipeline.hpp"

#include "medpics/detect/classify.hpp"
#include "medpics/detect/code_labels.hpp"
#include "medpics/detect/face_cover.hpp"
#include "medpics/detect/frame_edge.hpp"
#include "medpics/detect/grid_removal.hpp"
#include "medpics/detect/image_kind.hpp"
#include "medpics/detect/ink_mask.hpp"
#include "medpics/detect/lexicon.hpp"
#include "medpics/detect/text_blocks.hpp"
#include "medpics/detect/text_context.hpp"
#include "medpics/detect/text_rows.hpp"
#include "medpics/detect/text_trim.hpp"
#include "medpics/detect/metadata.hpp"
#include "medpics/detect/models.hpp"
#include "medpics/util/log.hpp"
#include "medpics/util/sha256.hpp"
#include "medpics/util/task_pool.hpp"
#include "medpics/detect/pipeline_jobs.hpp"
#include "medpics/detect/pipeline_plan.hpp"

#include <nlohmann/json.hpp>
#include <opencv2/core/utility.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <atomic>
#if defined(__SSE__) || defined(__x86_64__)
#include <xmmintrin.h>
#endif
#include <chrono>
#include <set>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <condition_variable>
#include <list>
#include <thread>
#include <mutex>
#include <unordered_map>

namespace medpics::detect {
namespace {

// Denormal floats (networks on smooth skin or flat backgrounds produce many) make x86 arithmetic 10-100x slower:
// flush them to zero in the calling thread (MXCSR FTZ + DAZ). Harmless for detection outputs.
void flushDenormals() {
#if defined(__SSE__) || defined(__x86_64__)
  _mm_setcsr(_mm_getcsr() | 0x8040);
#endif
}

// OpenCV's own worker threads (DNN layers run on them) need the same: touch each of them once.
void flushDenormalsInOpenCvThreads() {
  const int n = std::max(1, cv::getNumThreads()) * 4;
  cv::parallel_for_(cv::Range(0, n), [](const cv::Range&) {
    flushDenormals();
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  });
}

// Runs jobs on the pool and waits for all of them; the first exception is rethrown here.
void runAll(util::TaskPool& pool, std::vector<std::function<void()>> jobs) {
  std::mutex m;
  std::condition_variable done;
  std::size_t remaining = jobs.size();
  std::exception_ptr failure;
  for (auto& job : jobs) {
    pool.submit([&, job = std::move(job)] {
      std::exception_ptr error;
      try {
        flushDenormals();
        job();
      } catch (...) {
        error = std::current_exception();
      }
      std::lock_guard lock(m);
      if (error && !failure) failure = error;
      if (--remaining == 0) done.notify_all();
    });
  }
  std::unique_lock lock(m);
  done.wait(lock, [&] { return remaining == 0; });
  if (failure) std::rethrow_exception(failure);
}

using Clock = std::chrono::steady_clock;
constexpr int kWorkingSide = 2048;  // long side of the working copy (BlazeFace's finest level of a 12 MP image: 1024)
double msSince(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

// CPU time of the calling thread (independent of the other engineers' load on the machine).
double threadCpuMs() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

// Stage timings on stderr when MEDPICS_DETECT_TIMING is set (for tuning; off by default).
bool timingEnabled() {
  static const bool enabled = std::getenv("MEDPICS_DETECT_TIMING") != nullptr;
  return enabled;
}

// A reduced copy of a large image for the passes that work at 2048 px or less (scale 1: the image itself).
struct WorkingCopy {
  cv::Mat bgr;
  double scale = 1.0;  // working pixels per image pixel
};
WorkingCopy workingCopy(const cv::Mat& bgr) {
  WorkingCopy w{bgr, 1.0};
  const int longSide = std::max(bgr.cols, bgr.rows);
  if (longSide <= kWorkingSide * 5 / 4) return w;
  w.scale = double(kWorkingSide) / longSide;
  cv::resize(bgr, w.bgr, {}, w.scale, w.scale, cv::INTER_AREA);
  return w;
}

std::vector<FaceCandidate> toFullResolution(std::vector<FaceCandidate> candidates, double scale) {
  if (scale == 1.0) return candidates;
  for (auto& c : candidates)
    c.box = cv::Rect2f(float(c.box.x / scale), float(c.box.y / scale), float(c.box.width / scale),
                       float(c.box.height / scale));
  return candidates;
}

// The lines OCR reads: every network line, then the classical extras, largest first, within the budget; one
// row of text each; and the rows of small-print blocks the network missed (text_blocks.hpp).
std::vector<TextRegion> linesToRead(const cv::Mat& textBgr, const std::vector<TextRegion>& db,
                                    const std::vector<TextRegion>& classical, int maxClassical) {
  std::vector<TextRegion> regions = db;
  std::vector<TextRegion> merged = mergeTextRegions(db, classical);
  std::vector<TextRegion> added(merged.begin() + long(db.size()), merged.end());
  std::sort(added.begin(), added.end(), [](const auto& a, const auto& b) { return a.box.area() > b.box.area(); });
  if (added.size() > std::size_t(maxClassical)) added.resize(std::size_t(maxClassical));
  regions.insert(regions.end(), added.begin(), added.end());
  std::vector<TextRegion> rows = splitMultiRowRegions(textBgr, regions);  // one row of text per OCR call (text_rows.hpp)
  const std::vector<TextRegion> missing = missingBlockRows(textBgr, rows);  // a block's row the network missed
  rows.insert(rows.end(), missing.begin(), missing.end());
  return rows;
}

// Places a text finding on `region` (part of the line `whole`): a safety margin around it (anti-aliasing, accents,
// descenders, slight skew) of 30 % of the line height above and below, 15 % left and right, and the outline of a
// turned line. `endsOfLine` (a PHI finding): at each end of `region` that is an end of the whole line, half a line
// height more, about a glyph: the network's outline of small or faint print often stops a glyph or two short of the
// line's last characters (an IPP read up to its eighth digit), and the blank beyond hides nothing.
void placeTextFinding(Finding& f, const TextRegion& whole, const TextRegion& region, cv::Size imageSize,
                      std::array<bool, 2> endsOfLine = {false, false}) {
  const float lineHeight = std::min(whole.rect.size.width, whole.rect.size.height);
  // (the margin above and below grows with the line up to 40 px; past that, a third as fast: the network's outline of
  // large print already holds its accents and descenders with room to spare, and 30 % of the 100 px outline of a
  // wristband's 60-75 px IPP line reached 30 px into the row above, hiding 85 % of its "Né(e) le" label)
  const float marginHeight = std::min(lineHeight, 40.f) + std::max(0.f, lineHeight - 40.f) / 3.f;
  const int padY = int(std::ceil(0.3f * marginHeight)), padX = int(std::ceil(0.15f * lineHeight));
  const int extra = int(std::ceil(0.5f * lineHeight));
  const int before = padX + (endsOfLine[0] ? extra : 0), after = padX + (endsOfLine[1] ? extra : 0);
  const bool uprightWide = region.box.width >= region.box.height;
  // (a vertical line keeps its margins as they were, plus the extra at both ends: its reading direction is not known)
  const int alongX0 = uprightWide ? before : padX, alongX1 = uprightWide ? after : padX;
  const int alongY = padY + (!uprightWide && (endsOfLine[0] || endsOfLine[1]) ? extra : 0);
  const cv::Rect padded = cv::Rect(region.box.x - alongX0, region.box.y - alongY, region.box.width + alongX0 + alongX1,
                                   region.box.height + 2 * alongY) &
                          cv::Rect(0, 0, imageSize.width, imageSize.height);
  f.box = Box{padded.x, padded.y, padded.width, padded.height};
  if (!nearlyUpright(region.rect)) {  // the same margins along and across the turned line (the larger at both ends)
    const bool wide = region.rect.size.width >= region.rect.size.height;
    const int along = std::max(before, after);
    const cv::Size2f grown(region.rect.size.width + 2.f * float(wide ? along : padY),
                           region.rect.size.height + 2.f * float(wide ? padY : along));
    cv::Point2f pts[4];
    cv::RotatedRect(region.rect.center, grown, region.rect.angle).points(pts);
    for (const auto& p : pts) f.polygon.push_back({int(std::lround(p.x)), int(std::lround(p.y))});
  }
  f.kind = Kind::Text;
  f.detector = region.source + "+tesseract";
  f.detectorVersion = "1";
}

// The words of `line` whose middle lies in [from, to] (fractions of the line), and their mean confidence.
std::pair<std::string, float> wordsWithin(const OcrLine& line, double from, double to) {
  std::string text;
  float confidence = 0.f;
  int count = 0;
  for (const auto& w : line.words) {
    const double middle = (w.from + w.to) / 2.0;
    if (middle < from || middle > to || w.end > line.text.size() || w.begin >= w.end) continue;
    if (!text.empty()) text += ' ';
    text += line.text.substr(w.begin, w.end - w.begin);
    confidence += w.confidence;
    ++count;
  }
  return {text, count ? confidence / float(count) : 0.f};
}

// Height (short side) of the outline of a line of small print: glyphs of 8-13 px, up to twice their size with the
// network's margins, and headers up to 30 px.
constexpr float kSmallLineHeight = 60.f;

// Line-shaped and of small print: not a patch of texture, nor the traces of an ECG (regions 100-150 px tall that read
// as two letters, "HS LEE" at 0.30).
bool smallLineShape(const TextRegion& region) {
  const float longSide = std::max(region.rect.size.width, region.rect.size.height);
  const float shortSide = std::min(region.rect.size.width, region.rect.size.height);
  return longSide >= 2.f * shortSide && shortSide <= kSmallLineHeight;
}
// A line of the small-text pass (found on a full-resolution tile) of that shape.
bool isSmallTextLine(const TextRegion& region) { return region.source == "ppocr-db-fine" && smallLineShape(region); }

int alnumCount(const std::string& text) {
  int alnum = 0;
  for (unsigned char c : text) alnum += (std::isalnum(c) || c >= 0x80) ? 1 : 0;
  return alnum;
}

// The grey image OCR read, and its lines.
struct LineInk {
  const cv::Mat& gray;
  const std::vector<TextRegion>& lines;
};

// True when the last word of `text` is a function word ("CHU de", "Hôpital de la"): a value does not end there.
bool endsWithFunctionWord(const std::string& text) {
  const std::vector<std::string> words = foldedWords(text);
  return !words.empty() && isFunctionWord(words.back());
}

// Parts of PHI lines left out of their masks (shown as dismissed outlines; the residual check matches the label it
// re-reads beside the smaller mask to them).
struct LeftOut {
  std::vector<Finding> ends;     // a leading field label, trailing benign words
  std::vector<Finding> between;  // field labels between two values of a line
};

// The findings of one OCR line: one, or one per value when field labels between values are left out. A PHI line's
// finding leaves out its field labels and trailing benign words read confidently (text_trim.hpp) when `leftOut` is
// given: those parts are appended to it as benign findings. With `ink`, the mask of a small PHI line grows over the ink
// its outline stopped short of.
std::vector<Finding> textFindings(const TextRegion& whole, const OcrLine& line, cv::Size imageSize,
                                  LeftOut* leftOut = nullptr, bool* uncertain = nullptr, bool* vocabulary = nullptr,
                                  const LineInk* ink = nullptr) {
  const LineVerdict verdict = classifyLine(line.text, line.confidence);
  if (uncertain) *uncertain = verdict.uncertain;
  if (vocabulary) *vocabulary = verdict.vocabulary;
  const bool trim = leftOut && verdict.phi && !verdict.spans.empty();
  const LineExtent extent = trim ? phiExtent(line, verdict.spans) : LineExtent{};
  // (a vertical line is not trimmed: its parts would all be the whole line)
  const bool alongLine = trim && subRegion(whole, LineExtent{0.0, 0.5}, imageSize).box != whole.box;
  const std::vector<LineExtent> inner =
      alongLine ? innerLabels(line, verdict.spans, extent) : std::vector<LineExtent>{};
  Finding f;
  f.repaired = verdict.repaired;
  f.category = verdict.category;
  f.phi = verdict.phi;
  f.confidence = verdict.confidence;
  f.text = line.text;
  std::vector<LineExtent> values;
  double from = extent.from;
  for (const LineExtent& label : inner) {
    values.push_back({from, label.from});
    from = label.to;
  }
  values.push_back({from, extent.to});
  std::vector<Finding> out;
  for (const LineExtent& piece : values) {
    Finding p = f;
    if (values.size() > 1) p.text = wordsWithin(line, piece.from, piece.to).first;
    TextRegion value = subRegion(whole, piece, imageSize);
    std::array<bool, 2> endsOfLine = {f.phi && piece.from <= 0.0, f.phi && piece.to >= 1.0};
    // (a coarse line only when its reading stops on a function word, an unfinished value: "CHU de" of a 32 px "CHU de
    // Bordeaux"; its outline's margins make 0.35 line heights a word gap, and a whole value grew into the next label)
    const bool unfinished = endsOfLine[1] && f.category != "other-text" && endsWithFunctionWord(line.text);
    if (ink && (isSmallTextLine(whole) || unfinished) && (endsOfLine[0] || endsOfLine[1])) {
      // the network's outline of 8-10 px print often stops a glyph or two short ("IPP 8566009015" outlined over its
      // first four digits): within a word (gaps under 0.35 line heights), up to four line heights
      std::array<bool, 2> grow = isSmallTextLine(whole) ? endsOfLine : std::array<bool, 2>{false, true};
      // a line cut by the image's top or bottom edge shows the feet or heads of its glyphs only: lower than the line
      // (reach measured in its own heights is shorter), thinner strokes and wider gaps (the hyphen of a 12 px
      // "DUMONT-ROCHÉ" at the top edge of an ECG, seen 8 px high): twice the reach, gaps up to 0.7 line heights
      const bool cutByEdge = whole.box.y <= 0 || whole.box.br().y >= imageSize.height;
      // in the header and footer bands a small line's outline may stop a word or more short ("Métec" of a 12 px
      // "Médecine interne, CHU de Lyon Sud" on an inverted ECG's grid, the rest outlined by nothing): its mask goes on
      // to the right word by word (gaps up to 1.2 line heights, as a missed block row is followed) to the next line
      // of its row. Print up to 13 px only (outlines up to 24 px high) whose glyphs are as high as the outline: a
      // strip or a speck outlined on larger print (47-50 px header lines of an ECG) would run into the next row
      const float h = std::min(whole.rect.size.width, whole.rect.size.height);
      const bool band = isSmallTextLine(whole) && h <= 24.f && grow[1] && alnumCount(line.text) >= 3 &&
                        inIdentityBand(whole.box, imageSize.height) &&
                        inkOfHeight(ink->gray, whole.box, int(std::ceil(1.5f * h)));
      // (along the outline's own slope, which a short outline gives poorly: a mask that would climb or fall by more
      // than half a line height is not grown, "100 Bers", 46 px of a 7 px address line outlined 2.9 degrees off,
      // ran onto the line above it and hid it from the unread-line rule)
      if (band) {
        TextRegion followed = value;
        std::array<bool, 2> right = {false, true};
        followLineInk(followed, right, ink->gray, ink->lines, int(std::ceil(40 * h)), 1.2);
        if (followed.box.height <= value.box.height + 0.5f * h) {
          value = followed;
          grow[1] = false;
        }
      }
      const int reach = int(std::ceil((cutByEdge ? 8 : 4) * h));
      followLineInk(value, grow, ink->gray, ink->lines, reach, cutByEdge ? 0.7 : 0.35);
    }
    placeTextFinding(p, whole, value, imageSize, endsOfLine);
    out.push_back(std::move(p));
  }
  // nothing left out (a vertical line is not trimmed: no label finding, which would lie on the value itself)
  if (!alongLine || (extent.whole() && inner.empty())) return out;
  std::vector<std::pair<LineExtent, std::vector<Finding>*>> parts{{{0.0, extent.from}, &leftOut->ends},
                                                                  {{extent.to, 1.0}, &leftOut->ends}};
  for (const LineExtent& label : inner) parts.push_back({label, &leftOut->between});
  for (const auto& [range, into] : parts) {
    if (range.to <= range.from) continue;
    auto [text, confidence] = wordsWithin(line, range.from, range.to);
    if (text.empty()) continue;
    Finding part;
    part.category = "benign";
    part.phi = false;
    part.confidence = confidence;
    part.text = std::move(text);
    placeTextFinding(part, whole, subRegion(whole, range, imageSize), imageSize);
    into->push_back(std::move(part));
  }
  return out;
}

// A reading that explains little of its line: fewer letters and digits than a quarter of what the line holds (a glyph's
// advance is about a third of the outline's height, margins included): 'L' for a 73 x 18 px line of 9 px print after
// JPEG q45 (an "IPP 2918395038" on a sticker).
bool partialRead(const TextRegion& region, const OcrLine& line) {
  const float longSide = std::max(region.rect.size.width, region.rect.size.height);
  const float shortSide = std::max(1.f, std::min(region.rect.size.width, region.rect.size.height));
  return alnumCount(line.text) < 0.25 * longSide / (0.35 * shortSide);
}

// A line of the small-text pass whose print goes on past its outline by more than a glyph (across gaps of at most a
// word space, up to the next region of its row): the network outlined a part of it (the first five digits of an 8 px
// "7070519706" on an ECG's grid, read "27861" at 0.72: a benign number).
bool printGoesOnPast(const cv::Mat& gray, const std::vector<TextRegion>& regions, const TextRegion& region) {
  if (gray.empty() || !nearlyUpright(region.rect)) return false;
  const cv::Rect box = region.box & cv::Rect(0, 0, gray.cols, gray.rows);
  if (box.height < 4) return false;
  std::vector<cv::Rect> others;
  for (const TextRegion& r : regions)
    if (&r != &region) others.push_back(r.box);
  const cv::Range span = printedSpan(gray, box, others);
  const double glyph = box.height / 1.6;
  return span.start < box.x - glyph || span.end > box.br().x + glyph;
}

// A classical-only region is kept only when it reads as text.
// A read under that confidence still counts when it holds identifying text ("CHU de Besenx" for "CHU de Bordeaux": 10
// px white print on a radiograph): a PHI rule matching a misread line is evidence of text, and masking it is the safe
// side.
bool readsAsText(const OcrLine& line) {
  if (alnumCount(line.text) >= 2 && line.confidence >= 0.55f) return true;
  if (alnumCount(line.text) < 4 || line.confidence < 0.4f) return false;
  const LineVerdict v = classifyLine(line.text, line.confidence);
  return v.phi && !v.uncertain && v.category != "other-text";
}

// A block row (text_blocks.hpp: no network outlined it) is kept when it reads as text and its verdict is certain (a
// name, a date, an identifier, benign words); rows read as unknown text were the texture around radiograph headers.
bool readsAsIdentityRow(const OcrLine& line) {
  return readsAsText(line) && !classifyLine(line.text, line.confidence).uncertain;
}

int digitCount(const std::string& text) {
  return int(std::count_if(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c) != 0; }));
}

// Three digits or more and no letter ("“27861").
bool readsAsNumber(const std::string& text) {
  return digitCount(text) >= 3 &&
         std::none_of(text.begin(), text.end(), [](unsigned char c) { return std::isalpha(c) != 0; });
}

// A region at least four times as long as it is high.
bool isLongLine(const TextRegion& region) {
  return std::max(region.rect.size.width, region.rect.size.height) >=
         4.f * std::min(region.rect.size.width, region.rect.size.height);
}

// Three letters or digits read at 0.5 or more: text, whatever the crop looks like.
bool readsClearly(const OcrLine& line) { return alnumCount(line.text) >= 3 && line.confidence >= 0.5f; }

// A region OCR read something from, judged from its reading and its grey crop: text, or not.
bool readsAsPrint(const cv::Mat& gray, const TextRegion& region, const OcrLine& line, int imageRows) {
  if (readsClearly(line)) return true;
  // a long line of the header or footer band read poorly (a rotated 50 px ECG header row read at 0.37, "Due : EMM
  // Chimugie ce cH vue Bordeaux"; an identity row read at 0.25 with its dates and number) is text all the same, where
  // identity is printed; mid-page, ECG traces read like this too ("Se te D Re] Den Den au Jan an Pau"): dropped there
  const bool band = inIdentityBand(region.box, imageRows);
  if (band && isLongLine(region) &&
      ((alnumCount(line.text) >= 8 && line.confidence >= 0.3f) || digitCount(line.text) >= 6))
    return true;
  // a line of the small-text pass was found on a full-resolution tile of a row whose texture already passed a glyph
  // test: 8 px print after JPEG reads badly and its letters touch, so a partial reading or two glyphs are enough
  if (isSmallTextLine(region)) return alnumCount(line.text) >= 2 || looksLikeGlyphRow(gray, 2);
  return looksLikeGlyphRow(gray, 3);  // ECG traces and textures can mimic two glyphs, rarely three
}

// What a network region's reading is: text, print OCR could not read, or no print at all.
enum class RegionRead { Text, Unread, Noise };

// A network region that OCR cannot read is still reported (unknown text is masked) when it looks like glyphs;
// unreadable regions without glyph structure are dropped: as Unread when the rules about unreadable lines (beside an
// identity line, on a code's label) may still mask them, as Noise (ECG traces, faint streaks) when nothing may.
RegionRead readNetworkRegion(const cv::Mat& bgr, const TextRegion& region, const OcrLine& line, ImageKind kind) {
  const cv::Mat gray = printGray(bgr(region.box));  // every test below reads the same grey crop
  // a line on an ECG drawn by long thin strokes that rise and fall is its rhythm strip, whatever OCR reads there ("A ES
  // PES SAY AF YY", a name at 0.34)
  if (kind == ImageKind::Ecg && looksLikeTrace(gray)) return RegionRead::Noise;
  // faint streaks at an image's edge (a scan's or a rotation's replicated border, 4 grey levels) read as "A LA AN AR"
  if (inkContrast(gray) < 16) return RegionRead::Noise;
  // the small-text pass is for print the coarse pass sees too small: a region of it that is no line of small print
  // (eyebrows, hair and the folds of a face on a portrait's tiles, outlined 250-400 px high) is text only when read
  // as text, its shapes alone are no evidence
  if (region.source == "ppocr-db-fine" && !smallLineShape(region) && !readsClearly(line)) return RegionRead::Noise;
  return readsAsPrint(gray, region, line, bgr.rows) ? RegionRead::Text : RegionRead::Unread;
}

}  // namespace

struct Pipeline::Impl {
  PipelineOptions options;
  util::TaskPool pool;
  FaceDetector faces;
  bool ocrReady = false;  // set once the warm-up has finished (waitStarted)
  std::thread starter;    // runs warmUp() so that construction does not wait for the models
  std::mutex startMutex;
  std::condition_variable startCv;
  bool started = false;
  void waitStarted() {
    std::unique_lock lock(startMutex);
    startCv.wait(lock, [&] { return started; });
  }
  std::mutex cacheMutex;
  std::list<std::pair<std::string, AnalysisResult>> lru;  // most recent first
  std::unordered_map<std::string, std::list<std::pair<std::string, AnalysisResult>>::iterator> index;

  explicit Impl(PipelineOptions o)
      : options(std::move(o)), pool(std::max(1u, options.threads), options.niceness), faces(options.face) {}

  void remember(const std::string& key, const AnalysisResult& r) {
    std::lock_guard lock(cacheMutex);
    if (options.cacheEntries == 0 || index.count(key)) return;
    lru.emplace_front(key, r);
    index[key] = lru.begin();
    while (lru.size() > options.cacheEntries) {
      index.erase(lru.back().first);
      lru.pop_back();
    }
  }
  bool recall(const std::string& key, AnalysisResult& r) {
    std::lock_guard lock(cacheMutex);
    auto it = index.find(key);
    if (it == index.end()) return false;
    lru.splice(lru.begin(), lru, it->second);
    r = it->second->second;
    return true;
  }

  std::vector<Finding> detect(const cv::Mat& bgr, const util::CancelToken& cancel, std::string* kindName = nullptr) {
    waitStarted();  // the models of every worker are loaded
    const PipelineOptions& o = options;
    std::vector<Finding> faceFindings, codeFindings, tattooFindings;
    std::vector<TextRegion> dbRegions, classicalRegions, regions;
    std::vector<OcrLine> lines;
    std::atomic<double> faceMs{0}, dbMs{0}, classicalMs{0}, codeMs{0}, ocrMs{0};
    double tattooMs = 0;
    const auto start = Clock::now();
    std::vector<FaceCandidate> networkFaces, otherFaces;
    // kind from pixels (cheap, 256 px): on an ECG the coloured grid is faded out for text localisation and OCR
    // The coarse passes (image kind, face plan, face detectors: all work at 2048 px or less) read one reduced copy of
    // a large image instead of scaling the full image down once each; text, codes and OCR read full resolution.
    const WorkingCopy work = o.speed.workingCopy ? workingCopy(bgr) : WorkingCopy{bgr, 1.0};
    const ImageKindFeatures kindFeatures = measureImageKind(work.bgr);
    ImageKind kind = classifyImageKind(kindFeatures);
    const cv::Mat textBgr = kind == ImageKind::Ecg ? withoutColouredGrid(bgr) : bgr;
    FacePlan facePlan;
    if (o.speed.facePlan)
      facePlan = planFaces(work.bgr, kind, o.face);
    else
      facePlan.options = facePlan.wholeImage = o.face;
    facePlan.options.minTileSide = std::max(1, int(std::lround(o.face.minTileSide * work.scale)));
    bool faceTiles = true;
    // One queue for the whole analysis: both workers take whatever job is next, the text job spreads its refinement
    // tiles and then its line OCR over them, so no worker idles at a stage boundary.
    JobQueue queue;
    TextOptions textOptions = o.textRegions;
    // a photo's text is a wristband's or a label's small print, which the small-text tiles read: the large-page coarse
    // pass (four network tiles instead of one, +300-450 ms on a 10 MP photo) is for pages, ECGs, scans and screens
    if (isPhotoKind(kind)) textOptions.dbLargeSide = 0;
    textOptions.labels = isPhotoKind(kind) || kind == ImageKind::Radiograph || kind == ImageKind::Ultrasound;
    if (o.speed.sharedQueue)
      textOptions.parallelFor = [&queue](std::size_t n, const std::function<void(std::size_t)>& body) {
        queue.parallelFor(n, body);
      };
    JobQueue::Group classicalDone, secondDone;
    if (o.text && (o.textRegions.classical || o.textRegions.modelPath.empty()))
      queue.push(
          [&] {
            const auto t = Clock::now();
            classicalRegions = classicalTextRegions(textBgr, o.textRegions);
            classicalMs = msSince(t);
          },
          &classicalDone);
    if (o.text)
      queue.push([&] {
        auto t = Clock::now();
        dbRegions = dbTextRegions(textBgr, textOptions, cancel);
        dbMs = msSince(t);
        if (!o.speed.sharedQueue) return;  // before issue 14 point 6: OCR after every detector, two fixed halves
        queue.waitFor(classicalDone);
        if (!ocrReady || cancel.cancelled()) return;
        regions = linesToRead(textBgr, dbRegions, classicalRegions, o.textRegions.maxClassical);
        lines.resize(regions.size());
        t = Clock::now();
        queue.parallelFor(regions.size(), [&](std::size_t i) {
          if (!cancel.cancelled()) lines[i] = recogniseLine(textBgr, regions[i], o.ocr);
        });
        ocrMs = msSince(t);
      });
    if (o.codes)
      queue.push([&] {
        const auto t = Clock::now();
        codeFindings = detectCodes(bgr, o.code);
        codeMs = msSince(t);
      });
    if (o.faces) {  // two jobs: the network tiles and the second opinions balance the two workers better
      if (facePlan.secondOpinions)
        queue.push([&] { otherFaces = toFullResolution(faces.secondOpinionCandidates(work.bgr, cancel), work.scale); },
                   &secondDone);
      queue.push([&] {
        const auto t = Clock::now();
        if (facePlan.tilesNeedCandidate) {  // whole image first; tiles only where a second opinion saw a face
          networkFaces = blazeFaceTiles(work.bgr, facePlan.wholeImage, cancel);
          queue.waitFor(secondDone);
          faceTiles = runFaceTiles(facePlan, otherFaces);
          if (faceTiles) networkFaces = blazeFaceTiles(work.bgr, facePlan.options, cancel);
        } else {
          networkFaces = blazeFaceTiles(work.bgr, facePlan.options, cancel);
        }
        networkFaces = toFullResolution(std::move(networkFaces), work.scale);
        faceMs = msSince(t);
      });
    }
    std::vector<std::function<void()>> workers(std::max<std::size_t>(1, pool.size()), [&queue] { queue.work(); });
    runAll(pool, std::move(workers));
    if (auto failure = queue.failure()) std::rethrow_exception(failure);
    if (!o.speed.sharedQueue && o.text && ocrReady && !cancel.cancelled()) {
      regions = linesToRead(textBgr, dbRegions, classicalRegions, o.textRegions.maxClassical);
      lines.resize(regions.size());
      const auto t = Clock::now();
      std::vector<std::function<void()>> halves;
      const std::size_t n = std::max<std::size_t>(1, pool.size());
      for (std::size_t w = 0; w < n; ++w)
        halves.push_back([&, w] {
          for (std::size_t i = w; i < regions.size() && !cancel.cancelled(); i += n)
            lines[i] = recogniseLine(textBgr, regions[i], o.ocr);
        });
      runAll(pool, std::move(halves));
      ocrMs = msSince(t);
    }
    const double phase1Ms = msSince(start);
    networkFaces.insert(networkFaces.end(), otherFaces.begin(), otherFaces.end());
    if (o.faces) faceFindings = withoutTextureSwarm(faces.merge(networkFaces, bgr.size()), bgr);
    // faces on radiographs, ECGs, documents and ultrasound need strong evidence; tattoos need skin
    // (the second look after the gate: the single boxes it would look at there are dropped by it)
    faceFindings = faces.withSecondLook(gateFaces(faceFindings, bgr, kind), bgr);
    kind = refineWithFaces(kind, kindFeatures, !faceFindings.empty());
    if (kindName) *kindName = imageKindName(kind);
    if (cancel.cancelled()) return {};
    std::vector<Finding> findings = faceFindings;
    if (timingEnabled())
      std::fprintf(stderr,
                   "detect timing: %dx%d %s total %.0f ms (faces %.0f [%s], db %.0f [%zu], classical %.0f [%zu], "
                   "codes %.0f, ocr %.0f [%zu lines])\n",
                   bgr.cols, bgr.rows, imageKindName(kind), phase1Ms, faceMs.load(),
                   faceTiles ? "tiles" : (facePlan.secondOpinions ? "whole+second" : "whole"), dbMs.load(),
                   dbRegions.size(), classicalMs.load(), classicalRegions.size(), codeMs.load(), ocrMs.load(),
                   regions.size());
    LeftOut labels;  // the field labels and trailing settings left out of PHI lines' masks
    cv::Mat textGray;
    if (o.text && ocrReady) {
      std::vector<std::size_t> uncertain, vocabulary;
      std::vector<std::pair<std::size_t, bool>> unreadableLines;  // a small line, and whether it was read in part
      cv::cvtColor(textBgr, textGray, cv::COLOR_BGR2GRAY);
      const LineInk ink{textGray, regions};
      for (std::size_t i = 0; i < regions.size(); ++i) {
        const bool network = regions[i].source.rfind("ppocr-db", 0) == 0;
        const RegionRead read =
            network ? readNetworkRegion(textBgr, regions[i], lines[i], kind)
            : (regions[i].source == "block-row" ? readsAsIdentityRow(lines[i]) : readsAsText(lines[i]))
                ? RegionRead::Text
                : RegionRead::Unread;
        const bool keep = read == RegionRead::Text;
        if (timingEnabled())
          std::fprintf(stderr, "%s %s region %d,%d %dx%d: '%s' (%.2f)\n", keep ? "read" : "dropped",
                       regions[i].source.c_str(), regions[i].box.x, regions[i].box.y, regions[i].box.width,
                       regions[i].box.height, lines[i].text.c_str(), double(lines[i].confidence));
        // a small line read in part, as nothing that identifies, is treated as unreadable (masked in an identity block,
        // next to a PHI line or on a code's label)
        // (a number read from part of its line may be a fragment of an identifier; words read there are the line's
        // own: "Filtre 0,05-150 Hz" outlined short of "Axe QRS 5°" stays benign)
        const bool readInPart =
            isSmallTextLine(regions[i]) && (partialRead(regions[i], lines[i]) ||
                                            (readsAsNumber(lines[i].text) && printGoesOnPast(textGray, regions, regions[i])));
        const bool partial = readInPart && !classifyLine(lines[i].text, lines[i].confidence).phi;
        if (!keep || partial) {
          // (and a small line of the coarse pass that looks like print: a sticker's 13 px name boxed with the label's
          // dashed edge, 34 px high, read "ofr oS" at 0.27; and a line of the classical localiser in the header or
          // footer band: an 8 px ward line turned 2 degrees in an ECG's header, read "Fioge Roi Nites, Mas" at 0.25)
          const bool classicalInBand = regions[i].source == "morph" && inIdentityBand(regions[i].box, bgr.rows);
          if (isSmallTextLine(regions[i]) ||
              ((classicalInBand || (network && read == RegionRead::Unread)) && smallLineShape(regions[i])))
            unreadableLines.push_back({i, readInPart});
          continue;
        }
        bool unsure = false, vocabularyLine = false;
        for (Finding& f : textFindings(regions[i], lines[i], bgr.size(), o.trimFieldLabels ? &labels : nullptr, &unsure,
                                       &vocabularyLine, &ink))
          findings.push_back(std::move(f));
        if (unsure) uncertain.push_back(findings.size() - 1);
        if (vocabularyLine) vocabulary.push_back(findings.size() - 1);
      }
      resolveUncertainText(findings, uncertain, bgr.size(), kind, vocabulary);
      // a square blob the code localiser could not decode, that OCR reads as a benign word ("Abdomen" in bold), is
      // text; the codes left are evidence of a patient label
      std::erase_if(codeFindings, [&](const Finding& c) { return unreadableCodeIsText(c, findings); });
      // a small-text line OCR could not read at all (an IPP line of 12 px on a label, read as nothing) is masked when
      // it lies inside an identity block, next to a PHI line, or on a code's label; elsewhere it stays dropped
      // (a PHI line read poorly anchors them on pages and photos only: on an ECG, an ultrasound or a radiograph the
      // traces, speckle and anatomy read as letters make weak names, "Es, Lee Bok" at 0.35 on an ECG's traces)
      const float anchorConfidence =
          kind == ImageKind::Document || isPhotoKind(kind) ? kUnreadableAnchorConfidence : kAnchorConfidence;
      // (lines masked by the rule count for the next ones, until none is added: a sticker's 8 px IPP read as nothing
      // under its birth date read as nothing, itself under the name read poorly)
      for (bool added = true; added;) {
        added = false;
        std::vector<Finding> unreadable;
        std::erase_if(unreadableLines, [&](const std::pair<std::size_t, bool>& line) {
          const auto [i, readInPart] = line;
          bool unsure = false, vocabularyLine = false;
          Finding f = textFindings(regions[i], lines[i], bgr.size(), nullptr, &unsure, &vocabularyLine, &ink).front();
          // (or in the header or footer band, stacked flush on a masked line, outlined as the masked lines are: a 9 px
          // "Hôpital Nord, Marseille" in white, read as nothing, over its ward "Dermatologie" masked as unknown text)
          const cv::Rect outlined(f.box->x, f.box->y, f.box->w, f.box->h);
          // (or on a photo, in its header or footer band: where a camera or an application stamps the date and a name,
          // an orange 16 px italic "TEXIER, Jean-Pierre" on skin after JPEG, read as nothing)
          const bool photoStamp = isPhotoKind(kind) && inIdentityBand(regions[i].box, bgr.rows);
          if (!photoStamp && !nextToIdentityLine(findings, regions[i].box, anchorConfidence) &&
              !onCodeLabel(codeFindings, regions[i].box, true) &&
              !(inIdentityBand(regions[i].box, bgr.rows) && stackedInBlock(findings, outlined, true)))
            return false;  // tried again once more lines are masked
          // (read as PHI, however poorly, it is masked as read: "Fioge Roi Nites, Mas" at 0.25, a name to the
          // classifier, for an 8 px ward line in an ECG's header)
          if (!f.phi) {
            if (!readInPart) return true;  // read as something benign after all: the ordinary rules dropped it
            f.category = "other-text";     // what was read is not what is printed there
            f.phi = true;
            f.confidence = 0.3f;
          }
          unreadable.push_back(std::move(f));
          return true;
        });
        added = !unreadable.empty();
        findings.insert(findings.end(), unreadable.begin(), unreadable.end());
      }
      maskCodeLabels(findings, codeFindings, textGray);
      // the feet of a header row that the frame cut (a page or an ECG turned before it was scanned)
      const std::vector<Finding> cutRows = rowsCutByFrame(findings, textGray);
      findings.insert(findings.end(), cutRows.begin(), cutRows.end());
    } else {
      std::erase_if(codeFindings, [&](const Finding& c) { return unreadableCodeIsText(c, findings); });
    }
    findings.insert(findings.end(), codeFindings.begin(), codeFindings.end());
    maskLabelsBetweenValues(findings, labels.ends);
    maskValueContinuations(findings);
    bridgeSplitValues(findings);
    bridgeStackedValues(findings);
    boxOutlinesThroughPrint(findings, textGray);
    // after the codes: a label never hides a code
    for (auto* parts : {&labels.ends, &labels.between}) findings.insert(findings.end(), parts->begin(), parts->end());
    extendOverLineEnds(findings, textGray);  // (the labels left out of PHI lines stop it)
    growOverLineInk(findings, textGray);
    extendToFrameEdge(findings, bgr.size());
    const auto textLines =
        std::count_if(findings.begin(), findings.end(), [](const Finding& f) { return f.kind == Kind::Text; });
    if (o.tattoos && tattooHeuristicApplies(kind) && !cancel.cancelled() &&
        textLines < 6) {  // six read lines or more: a document, not skin
      // ink within skin that is not a face, a text line that was read, or a code (eyes, letters, bars are dark)
      const auto t = Clock::now();
      // (a "line" whose short side exceeds a tenth of the image's is no print: the network boxed a tattoo of wavy
      // strokes 680 px high, read "AÙ" and judged benign, which hid it from the heuristic)
      const int tallestLine = std::min(bgr.cols, bgr.rows) / 10;
      std::vector<Box> exclude;
      for (const auto& f : findings)
        if (f.box && (f.kind != Kind::Face || f.confidence >= kSureFace) &&
            (f.kind != Kind::Text || std::min(f.box->w, f.box->h) <= tallestLine))
          exclude.push_back(*f.box);
      tattooFindings = detectTattoos(bgr, exclude, o.tattoo);
      tattooMs = msSince(t);
      if (timingEnabled()) std::fprintf(stderr, "detect timing: tattoo %.0f ms\n", tattooMs);
    }
    findings.insert(findings.end(), tattooFindings.begin(), tattooFindings.end());
    dropUnreadTextUnderFaces(findings);  // garbage read on hair or clothes inside a masked head (face_cover.hpp)
    if (kind == ImageKind::PersonPhoto) reviewBesideSureFaces(findings);  // an ear, a collar, a button: to check
    return findings;
  }

  // Loads every model on every worker once, at construction, in parallel (the networks, the Tesseract engine, dlib's
  // HOG detector and the profile cascade are per thread): the first image no longer carries the start-up. Each worker
  // takes exactly one warm-up job (they wait for each other), and the load is timed in the worker's CPU time.
  PipelineStartup warmUp() {
    PipelineStartup s;
    const auto start = Clock::now();
    const std::size_t n = std::max<std::size_t>(1, pool.size());
    std::mutex m;
    std::condition_variable arrived;
    std::size_t waiting = 0;
    std::vector<std::function<void()>> jobs;
    for (std::size_t w = 0; w < n; ++w)
      jobs.push_back([&, w] {
        {  // one job per worker: hold this worker until every worker has taken its job
          std::unique_lock lock(m);
          ++waiting;
          arrived.notify_all();
          arrived.wait(lock, [&] { return waiting == n; });
        }
        double t = threadCpuMs();
        if (options.faces && !options.face.modelPath.empty()) threadNetwork(options.face.modelPath);
        if (options.text) loadTextNetworks(options.textRegions);
        const double networks = threadCpuMs() - t;
        t = threadCpuMs();
        if (options.faces && !options.face.modelPath.empty())
          blazeFaceSquare(cv::Mat(256, 256, CV_8UC3, cv::Scalar::all(128)), options.face.modelPath, 0.99f);
        if (options.text) loadTextNetworks(options.textRegions, true);
        const double firstInference = threadCpuMs() - t;
        t = threadCpuMs();
        std::string error;
        const bool ocr = !options.text || ocrAvailable(options.ocr, &error);
        const double ocrMs = threadCpuMs() - t;
        t = threadCpuMs();
        if (options.faces) {  // thread-local dlib detector and cascade
          const cv::Mat blank(64, 64, CV_8UC3, cv::Scalar(128, 128, 128));
          if (options.face.hog || options.face.modelPath.empty()) hogFaces(blank, 64);
          if (options.face.profileCascade) profileFaces(blank, 64);
        }
        const double faceMs = threadCpuMs() - t;
        t = threadCpuMs();
        if (options.text && w == 0) dictionarySize();  // the French word list, once per process (one worker reads it)
        const double wordListMs = threadCpuMs() - t;
        std::lock_guard lock(m);
        s.wordListCpuMs = std::max(s.wordListCpuMs, wordListMs);
        s.networksCpuMs = std::max(s.networksCpuMs, networks);
        s.firstInferenceCpuMs = std::max(s.firstInferenceCpuMs, firstInference);
        s.ocrCpuMs = std::max(s.ocrCpuMs, ocrMs);
        s.faceCpuMs = std::max(s.faceCpuMs, faceMs);
        if (!ocr) {
          s.ocrReady = false;
          s.ocrError = error;
        }
      });
    runAll(pool, std::move(jobs));
    s.wallMs = msSince(start);
    return s;
  }
};

std::string Pipeline::version() { return "medpics-detect/1.0"; }

Pipeline::Pipeline(PipelineOptions options) {
  if (options.face.modelPath.empty()) options.face.modelPath = findModel(kBlazeFaceModel);
  if (options.textRegions.modelPath.empty()) options.textRegions.modelPath = findModel(kTextDbModel);
  if (options.faces && options.face.modelPath.empty())
    warnings_.push_back(std::string("face network ") + kBlazeFaceModel + " not found in " + modelDirectory() +
                        " (run scripts/fetch-models.sh or set MEDPICS_MODELS): using dlib HOG and Haar profile only");
  if (options.text && options.textRegions.modelPath.empty())
    warnings_.push_back(
        std::string("text network ") + kTextDbModel + " not found in " + modelDirectory() +
        " (run scripts/fetch-models.sh or set MEDPICS_MODELS): using the classical text localiser only");
  if (options.openCvThreads >= 0) cv::setNumThreads(options.openCvThreads);
  impl_ = std::make_unique<Impl>(std::move(options));
  flushDenormals();
  flushDenormalsInOpenCvThreads();
  for (const auto& w : warnings_) log::warn("detect: " + w);
  // The models load on the workers in the background: construction returns at once (the desk's window opens), the
  // first analysis decodes its image meanwhile and then waits for them; warnings() and startup() wait too.
  impl_->starter = std::thread([this] {
    const PipelineStartup s = impl_->warmUp();
    std::vector<std::string> more;
    if (impl_->options.text && !s.ocrReady) more.push_back(s.ocrError + ": text is not recognised");
    if (impl_->options.text && s.ocrReady && !ocrSingleThreaded())
      more.push_back(
          "OMP_THREAD_LIMIT=1 is not set: Tesseract runs several times slower (see ensureSingleThreadedOcr)");
    for (const auto& w : more) log::warn("detect: " + w);
    std::lock_guard lock(impl_->startMutex);
    impl_->ocrReady = impl_->options.text && s.ocrReady;
    startup_ = s;
    warnings_.insert(warnings_.end(), more.begin(), more.end());
    impl_->started = true;
    impl_->startCv.notify_all();
  });
}

Pipeline::~Pipeline() {
  if (impl_ && impl_->starter.joinable()) impl_->starter.join();
}

const std::vector<std::string>& Pipeline::warnings() const {
  impl_->waitStarted();
  return warnings_;
}

const PipelineStartup& Pipeline::startup() const {
  impl_->waitStarted();
  return startup_;
}

void Pipeline::clearCache() {
  std::lock_guard lock(impl_->cacheMutex);
  impl_->lru.clear();
  impl_->index.clear();
}

AnalysisResult Pipeline::analyzeImage(const cv::Mat& bgr, const util::CancelToken& cancel) {
  const auto start = std::chrono::steady_clock::now();
  AnalysisResult result;
  result.width = bgr.cols;
  result.height = bgr.rows;
  try {
    if (bgr.empty() || bgr.type() != CV_8UC3) throw std::invalid_argument("expected a non-empty 8-bit BGR image");
    // The detectors scale the long side down, which rounds the short side of a 1 x 100000 strip to 0 px.
    if (std::max(bgr.cols, bgr.rows) > 64 * std::min(bgr.cols, bgr.rows)) {
      result.error = "image too elongated for automatic detection (" + std::to_string(bgr.cols) + "x" +
                     std::to_string(bgr.rows) + ", over 64:1): check it by eye";
      return result;
    }
    result.findings = impl_->detect(bgr, cancel, &result.imageKind);
    if (cancel.cancelled()) result.error = "cancelled";
  } catch (const std::exception& e) {
    result.error = std::string("detection failed: ") + e.what();
  }
  result.elapsedMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return result;
}

AnalysisResult Pipeline::analyze(const std::string& bytes, const util::CancelToken& cancel) {
  const auto start = std::chrono::steady_clock::now();
  const std::string digest = sha256Hex(bytes);
  const std::string key = digest + "|" + version();
  AnalysisResult result;
  if (impl_->recall(key, result)) {
    result.fromCache = true;
    result.elapsedMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    return result;
  }
  result.sha256 = digest;
  image::DecodedImage decoded = image::decode(bytes, impl_->options.limits);
  if (!decoded.ok()) {
    result.error = decoded.error.empty() ? "could not decode image" : decoded.error;
  } else {
    AnalysisResult pixels = analyzeImage(decoded.bgr, cancel);
    result.width = pixels.width;
    result.height = pixels.height;
    result.findings = std::move(pixels.findings);
    result.imageKind = pixels.imageKind;
    result.error = pixels.error;
    if (impl_->options.metadata && result.ok()) {
      auto meta = detectMetadata(bytes);
      result.findings.insert(result.findings.end(), meta.begin(), meta.end());
    }
  }
  result.elapsedMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  if (result.ok()) impl_->remember(key, result);
  return result;
}

nlohmann::json toJson(const AnalysisResult& r) {
  nlohmann::json j;
  j["width"] = r.width;
  j["height"] = r.height;
  j["elapsed_ms"] = std::round(r.elapsedMs * 10) / 10;
  if (!r.imageKind.empty()) j["image_kind"] = r.imageKind;
  j["findings"] = nlohmann::json::array();
  for (const auto& f : r.findings) j["findings"].push_back(toJson(f));
  if (!r.error.empty()) j["error"] = r.error;
  return j;
}

}  // namespace medpics::detect
