// Field labels and trailing benign words of a PHI line left outside its finding (Tesseract word boxes).
#include "medpics/detect/text_trim.hpp"

#include "medpics/detect/ink_mask.hpp"
#include "medpics/detect/lexicon.hpp"
#include "medpics/detect/text_rows_read.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>
#include <cmath>
#include <cstdlib>
#include <string>

namespace medpics::detect {
namespace {

constexpr float kWordConfidence = 0.5f;
// Between two words of values, a label run is told by its words alone: Tesseract reads a parenthesised "Né(e)le" at
// 0.29 (the parentheses), and a value misread as exactly a label word is unlikely.
constexpr float kInnerLabelConfidence = 0.2f;

// Lower-case ASCII words of a token (accents folded; punctuation and other bytes separate words).
std::vector<std::string> wordsOf(std::string_view raw) {
  std::vector<std::string> out(1);
  for (char c : foldAccents(raw)) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
      out.back() += c;
    else if (!out.back().empty())
      out.emplace_back();
  }
  if (out.back().empty()) out.pop_back();
  return out;
}

// A long label misread by one or two letters ("Preseripteur").
bool misreadLabel(const std::string& w) {
  if (w.size() < 7) return false;
  for (const char* label : {"prescripteur", "naissance", "prelevement", "telephone", "patiente", "dossier"}) {
    const std::string l = label;
    if (std::abs(int(l.size()) - int(w.size())) > 2) continue;
    std::vector<int> prev(l.size() + 1), cur(l.size() + 1);
    for (std::size_t j = 0; j <= l.size(); ++j) prev[j] = int(j);
    for (std::size_t i = 1; i <= w.size(); ++i) {
      cur[0] = int(i);
      for (std::size_t j = 1; j <= l.size(); ++j)
        cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (w[i - 1] == l[j - 1] ? 0 : 1)});
      std::swap(prev, cur);
    }
    if (prev[l.size()] <= 2) return true;
  }
  return false;
}
// Weak words of field labels (le, de, du, n, e...) are also name particles ("Le Gall"): a label never ends with one,
// except "le" after "né(e)" / "prélevé" and "du" after "examen". The strong words are the lexicon's isFieldLabel.
bool weakLabel(const std::string& w) {
  static const std::set<std::string> weak{"le", "la", "de", "du", "d", "e", "s", "n", "no", "of"};
  return weak.count(w) > 0;
}

bool courtesyTitle(std::string_view raw) {
  const auto w = wordsOf(raw);
  return w.size() == 1 && isTitle(w.front());
}

bool punctuationOnly(std::string_view raw) { return wordsOf(raw).empty(); }

// A trailing benign run starts with vocabulary ("kV", "mAs", "bpm"); numbers and units may follow it.
bool vocabularyWord(std::string_view raw) {
  const auto w = wordsOf(raw);
  if (w.size() != 1) return false;
  const std::string& s = w.front();
  const bool alpha = std::none_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  return alpha && s.size() >= 2 && (isBenignWord(s) || isClinicalAbbreviation(s));
}
bool measureWord(std::string_view raw) {
  const auto w = wordsOf(raw);
  if (w.empty() || w.size() > 2) return false;
  return std::all_of(w.begin(), w.end(), [](const std::string& s) {
    const bool number = s.size() <= 4 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
    return number || isBenignWord(s) || isClinicalAbbreviation(s);
  });
}
bool singleLetter(std::string_view raw) {
  const auto w = wordsOf(raw);
  return w.size() == 1 && w.front().size() == 1 && !(w.front()[0] >= '0' && w.front()[0] <= '9');
}

// The text of word `w` of `line`.
std::string_view wordText(const OcrLine& line, const OcrWord& w) {
  return std::string_view(line.text).substr(w.begin, w.end - w.begin);
}

// True when word `w` overlaps one of the PHI spans.
bool inSpan(const OcrWord& w, const std::vector<TextSpan>& spans) {
  return std::any_of(spans.begin(), spans.end(), [&](const TextSpan& s) { return w.begin < s.end && w.end > s.begin; });
}

// A run of field-label words from word `first` ("Né(e) le", "N° de dossier :", "Examen du"): `lead` is the first word
// that is not a label word read confidently (or a courtesy title: `title`), `lastStrong` one past the last word
// ending with a strong label word.
struct LabelRun {
  std::size_t lead = 0, lastStrong = 0;
  bool sawStrong = false, title = false, phoneOnly = true;  // phoneOnly: every strong word is "Tél."
};

LabelRun labelRun(const OcrLine& line, std::size_t first, float minConfidence = kWordConfidence) {
  const auto& words = line.words;
  auto text = [&](const OcrWord& w) { return wordText(line, w); };
  LabelRun run{first, first};
  std::string previous;
  bool colon = false;  // a colon after a strong label word: what follows is the value
  while (run.lead < words.size()) {
    const std::string_view t = text(words[run.lead]);
    // punctuation, and a lone letter before a line's label (a box border read as "|", "I" or "À")
    if (punctuationOnly(t) ||
        (run.lead == 0 && wordsOf(t).size() == 1 && wordsOf(t).front().size() == 1 && words.size() > 2)) {
      colon = colon || (run.sawStrong && t.find(':') != std::string_view::npos);
      ++run.lead;
      continue;
    }
    if (courtesyTitle(t)) {
      run.title = true;
      break;
    }
    // (a label word after the colon is a misread value: "Patentie) : ne Prévost." for an 8 px "Patient(e) : Mme
    // Prévost, Laëtitia", where "ne" read as "né" left the title out of the mask, seed 3863, session 29)
    if (colon) break;
    const auto parts = wordsOf(t);
    bool label = words[run.lead].confidence >= minConfidence && !parts.empty();
    bool strongEnd = false, phone = false;
    for (const auto& part : parts) {
      const bool afterLabel =
          (part == "le" && (previous == "ne" || previous == "nee" || previous == "e" || previous == "preleve")) ||
          (part == "du" && (previous == "examen" || previous == "exam"));
      if (isFieldLabel(part) || afterLabel || misreadLabel(part)) {
        strongEnd = true;
        phone = part == "tel" || part == "telephone";
      } else if (part == "e" || part == "s") {  // "Né(e)", "Prénom(s)", "Patient(e)"
      } else if (weakLabel(part)) {
        strongEnd = false;
      } else {
        label = false;
      }
      previous = part;
    }
    if (!label) break;
    if (strongEnd) {
      run.sawStrong = true;
      run.phoneOnly = run.phoneOnly && phone;
      run.lastStrong = run.lead + 1;
      colon = t.ends_with(':');
    }
    ++run.lead;
  }
  return run;
}

// The first word of the value after a label run (past the punctuation after its last strong word), or words.size()
// when no value starts there: a word of a PHI span, or the courtesy title the run stopped at.
std::size_t valueStart(const OcrLine& line, const LabelRun& run, const std::vector<TextSpan>& spans) {
  const auto& words = line.words;
  std::size_t cut = run.lastStrong;
  while (cut < words.size() && punctuationOnly(wordText(line, words[cut]))) ++cut;
  if (!run.sawStrong || cut >= words.size()) return words.size();
  const bool starts = run.title ? cut == run.lead : inSpan(words[cut], spans);
  return starts ? cut : words.size();
}

}  // namespace

LineExtent phiExtent(const OcrLine& line, const std::vector<TextSpan>& spans) {
  LineExtent extent;
  const auto& words = line.words;
  if (spans.empty() || words.size() < 2) return extent;
  std::size_t lastSpan = 0;
  for (const auto& s : spans) lastSpan = std::max(lastSpan, s.end);
  auto text = [&](const OcrWord& w) { return wordText(line, w); };
  // leading field label: words read confidently that are label words or punctuation (the label may lie inside the
  // first span: "IPP 123", "Né(e) le 12/03/1960" are matched with their label), up to the first word of the value
  // (a word of a span that is not a label word, or a courtesy title: "Patient(e) : Mme DUPONT")
  const std::size_t cut = valueStart(line, labelRun(line, 0), spans);
  // (halfway between the label and the value, never past the value's start: Tesseract may give a misread label a box
  // over the whole line, "Patente)" 0.01-0.99 before "M FRAMÇONS Gaal")
  if (cut > 0 && cut < words.size())
    extent.from = std::min((words[cut - 1].to + words[cut].from) / 2.0, double(words[cut].from));
  // without a label, a leading benign run: before the first span, vocabulary words read confidently (function words
  // between them), the heading a line ran into ("Laboratoire de biologie med1iCé 31271046": a report's title touching
  // the date on a sticker beside it); a function word before the value stays with it ("CHU de ...")
  std::size_t firstSpan = line.text.size();
  for (const auto& s : spans) firstSpan = std::min(firstSpan, s.begin);
  // (never a word a person may be called, "PETIT Jean" with the first name alone in a span, nor one in capitals; nor a
  // function word, which the lexicon counts as vocabulary too: "au de Len Sud" for a 46 px "CHU de Lyon Sud" on a
  // wristband left "CHU" unmasked)
  auto headingWord = [&](const OcrWord& w) {
    const std::string_view raw = text(w);
    const std::string folded = foldAccents(raw);
    const bool capitals = std::count_if(raw.begin(), raw.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; }) >= 2;
    return vocabularyWord(raw) && !capitals && !isFunctionWord(folded) && !isCommonSurname(folded) &&
           !isCommonFirstName(folded);
  };
  // (two vocabulary words at least: a heading is a phrase, and one word is what OCR may make of a misread value,
  // "“total Nort Merle" for an 8 px "Hôpital Nord, Marseille" on a radiograph, seed 8237, session 29)
  std::size_t lead = 0, lastVocabulary = 0, headingWords = 0;
  while (cut == words.size() && lead < words.size() && words[lead].end <= firstSpan &&
         words[lead].confidence >= kWordConfidence &&
         (headingWord(words[lead]) || isFunctionWord(foldAccents(text(words[lead]))))) {
    if (headingWord(words[lead])) {
      lastVocabulary = lead + 1;
      ++headingWords;
    }
    ++lead;
  }
  if (headingWords >= 2 && lastVocabulary < words.size())
    extent.from =
        std::min((words[lastVocabulary - 1].to + words[lastVocabulary].from) / 2.0, double(words[lastVocabulary].from));
  // trailing benign run: after the last span, starting with a vocabulary word or a single letter, all confident
  std::size_t tail = words.size();
  for (std::size_t i = words.size(); i-- > 0;) {
    const OcrWord& w = words[i];
    if (w.begin < lastSpan || w.confidence < kWordConfidence) break;
    const std::string_view t = text(w);
    if (!(measureWord(t) || singleLetter(t) || punctuationOnly(t))) break;
    tail = i;
  }
  while (tail < words.size() && !(vocabularyWord(text(words[tail])) || singleLetter(text(words[tail])))) ++tail;
  // a value goes on after a comma ("Lambert, Thé": the first name "Théo" cut short by the outline reads as a word)
  if (tail < words.size() && tail > 0 && text(words[tail - 1]).ends_with(',')) tail = words.size();
  // nor after a field label, which announces it ("44093 Nantes - Tél. OF 40 08 33 33": the phone number misread, seed
  // 9343, session 29)
  if (tail < words.size() && tail > 0) {
    const auto label = wordsOf(text(words[tail - 1]));
    if (label.size() == 1 && isFieldLabel(label.front())) tail = words.size();
  }
  if (tail < words.size() && tail > 0 && words[tail].from > extent.from)
    extent.to = std::max((words[tail - 1].to + words[tail].from) / 2.0, double(words[tail - 1].to));
  if (extent.to <= extent.from) return {};
  return extent;
}

std::vector<LineExtent> innerLabels(const OcrLine& line, const std::vector<TextSpan>& spans, const LineExtent& extent) {
  std::vector<LineExtent> out;
  const auto& words = line.words;
  if (spans.empty() || words.size() < 3) return out;
  std::size_t first = valueStart(line, labelRun(line, 0), spans);  // the first word of the first value
  if (first >= words.size()) first = 0;
  for (std::size_t k = first + 1; k < words.size(); ++k) {
    // a run of label words right after a word of a value (spans are greedy: the label may lie inside one)
    if (!inSpan(words[k - 1], spans) || punctuationOnly(wordText(line, words[k - 1]))) continue;
    const LabelRun run = labelRun(line, k, kInnerLabelConfidence);
    const std::size_t cut = valueStart(line, run, spans);
    if (run.phoneOnly || cut >= words.size() || cut <= k) continue;
    const LineExtent label{(words[k - 1].to + words[k].from) / 2.0, (words[cut - 1].to + words[cut].from) / 2.0};
    if (label.from > extent.from && label.to < extent.to && label.to > label.from) out.push_back(label);
    k = cut;
  }
  return out;
}

TextRegion subRegion(const TextRegion& region, const LineExtent& extent, cv::Size image) {
  if (extent.whole()) return region;
  const bool axisAligned = nearlyUpright(region.rect);
  TextRegion out = region;
  const cv::Rect bounds(0, 0, image.width, image.height);
  if (axisAligned) {
    if (region.box.height > region.box.width * 1.5) return region;  // a vertical line, read turned by 90 degrees
    const int x0 = region.box.x + int(std::floor(extent.from * region.box.width));
    const int x1 = region.box.x + int(std::ceil(extent.to * region.box.width));
    out.box = cv::Rect(x0, region.box.y, std::max(1, x1 - x0), region.box.height) & bounds;
    out.rect =
        cv::RotatedRect(cv::Point2f(float(out.box.x + out.box.width / 2.0), float(out.box.y + out.box.height / 2.0)),
                        cv::Size2f(float(out.box.width), float(out.box.height)), 0.f);
    return out;
  }
  // the corners OCR's crop maps to its top-left, top-right and bottom-right (see uprightCrop in ocr.cpp)
  cv::Point2f pts[4];
  region.rect.points(pts);  // bottomLeft, topLeft, topRight, bottomRight
  cv::Point2f tl = pts[1], tr = pts[2], br = pts[3];
  if (region.rect.size.height > region.rect.size.width) {
    tl = pts[0];
    tr = pts[1];
    br = pts[2];
  }
  const cv::Point2f bl = tl + (br - tr);
  const auto at = [](cv::Point2f a, cv::Point2f b, double f) { return a + (b - a) * float(f); };
  const std::vector<cv::Point2f> corners{at(tl, tr, extent.from), at(tl, tr, extent.to), at(bl, br, extent.to),
                                         at(bl, br, extent.from)};
  out.rect = cv::minAreaRect(corners);
  out.box = cv::boundingRect(corners) & bounds;
  if (out.box.area() <= 0) return region;
  return out;
}

void maskLabelsBetweenValues(std::vector<Finding>& findings, std::vector<Finding>& labels) {
  auto rectOf = [](const Finding& f) { return cv::Rect(f.box->x, f.box->y, f.box->w, f.box->h); };
  auto upright = [](const Finding& f) { return f.kind == Kind::Text && f.box && f.polygon.empty(); };
  auto sameRow = [](const cv::Rect& a, const cv::Rect& b) {
    return std::min(a.br().y, b.br().y) - std::max(a.y, b.y) >= 0.5 * std::min(a.height, b.height);
  };
  // (a phone label only, which continues the address before it as innerLabels keeps it inside one line: "Né(e) le"
  // between a name and its birth date two columns apart was masked with them, 2000 px² of benign text on an ECG)
  const auto phoneLabel = [](const Finding& label) {
    const auto words = foldedWords(label.text);
    return std::any_of(words.begin(), words.end(), [](const std::string& w) { return w == "tel" || w == "telephone"; });
  };
  std::erase_if(labels, [&](const Finding& label) {
    if (!upright(label) || !phoneLabel(label)) return false;
    const cv::Rect l = rectOf(label);
    const int reach = l.height * 3 / 2;
    Finding* before = nullptr;
    Finding* after = nullptr;
    for (Finding& f : findings) {
      if (!upright(f) || !f.phi) continue;
      const cv::Rect r = rectOf(f);
      if (!sameRow(r, l)) continue;
      if (r.br().x <= l.x + l.width / 2 && r.br().x >= l.x - reach) before = &f;
      if (r.x >= l.x + l.width / 2 && r.x <= l.br().x + reach) after = &f;
    }
    if (!before || !after) return false;
    const cv::Rect joined = rectOf(*after) | l | cv::Rect(before->box->x + before->box->w - 1, l.y, 1, l.height);
    after->box = Box{joined.x, joined.y, joined.width, joined.height};
    return true;
  });
}

void maskValueContinuations(std::vector<Finding>& findings) {
  auto numbersOnly = [](const std::string& text) {
    const bool digit = std::any_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); });
    return digit &&
           std::none_of(text.begin(), text.end(), [](unsigned char c) { return std::isalpha(c) || c >= 0x80; });
  };
  auto endsWithComma = [](std::string text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.pop_back();
    return !text.empty() && text.back() == ',';
  };
  for (Finding& next : findings) {
    if (next.kind != Kind::Text || next.phi || next.category != "benign" || !next.box) continue;
    const Box& n = *next.box;
    for (const Finding& value : findings) {
      if (value.kind != Kind::Text || !value.phi || !value.box) continue;
      const bool continues = endsWithComma(value.text) || (numbersOnly(next.text) && value.category != "other-text");
      if (!continues) continue;
      const Box& v = *value.box;
      const int h = std::min(n.h, v.h);
      const int shared = std::min(n.y + n.h, v.y + v.h) - std::max(n.y, v.y);
      if (shared < 0.5 * h || n.x <= v.x || n.x - (v.x + v.w) > 0.75 * h) continue;
      next.phi = true;
      next.category = value.category;
      next.confidence = value.confidence;
      break;
    }
  }
}

// Makes the convex hull of `pts` the finding's outline: its polygon and its box.
static void outlineHull(Finding& f, const std::vector<cv::Point>& pts) {
  std::vector<cv::Point> hull;
  cv::convexHull(pts, hull);
  const cv::Rect r = cv::boundingRect(hull);
  f.box = Box{r.x, r.y, r.width, r.height};
  f.polygon.clear();
  // an upright rectangle is its box (and the rules for upright lines, such as extendOverLineEnds, apply to it)
  const auto corner = [&](const cv::Point& p) {
    return (p.x == r.x || p.x == r.br().x - 1) && (p.y == r.y || p.y == r.br().y - 1);
  };
  const bool upright = hull.size() == 4 && std::all_of(hull.begin(), hull.end(), corner);
  if (!upright)
    for (const cv::Point& p : hull) f.polygon.push_back({p.x, p.y});
}

void bridgeSplitValues(std::vector<Finding>& findings) {
  auto isValue = [](const Finding& f) { return f.kind == Kind::Text && f.phi && f.box && f.box->area() > 0; };
  for (Finding& right : findings) {
    if (!isValue(right)) continue;
    for (const Finding& left : findings) {
      if (&left == &right || !isValue(left)) continue;
      const Box& a = *left.box;
      const Box& b = *right.box;
      const double ha = lineHeight(left), hb = lineHeight(right);
      if (std::max(ha, hb) > 2.5 * std::min(ha, hb)) continue;
      const int gap = b.x - (a.x + a.w);
      if (gap <= 0 || gap > 0.75 * std::min(ha, hb)) continue;
      // the facing ends: the left outline's two rightmost corners and the right one's two leftmost; one row when their
      // middles are within half a line height (the upright boxes of turned rows overlap: theirs do not)
      std::vector<cv::Point> pts = outlineCorners(left), other = outlineCorners(right);
      std::sort(pts.begin(), pts.end(), [](const cv::Point& p, const cv::Point& q) { return p.x > q.x; });
      std::sort(other.begin(), other.end(), [](const cv::Point& p, const cv::Point& q) { return p.x < q.x; });
      pts.resize(std::min<std::size_t>(2, pts.size()));
      const double leftMiddle = (pts[0].y + pts.back().y) / 2.0, rightMiddle = (other[0].y + other[1].y) / 2.0;
      if (std::abs(leftMiddle - rightMiddle) > 0.5 * std::min(ha, hb)) continue;
      for (const cv::Point& p : other) pts.push_back(p);
      outlineHull(right, pts);
      break;
    }
  }
}

void bridgeStackedValues(std::vector<Finding>& findings) {
  auto isValue = [](const Finding& f) { return f.kind == Kind::Text && f.phi && f.box && f.box->area() > 0; };
  // (indices: growing one finding invalidates no other)
  for (std::size_t i = 0; i < findings.size(); ++i) {
    for (std::size_t j = 0; j < findings.size(); ++j) {
      if (i == j || !isValue(findings[i]) || !isValue(findings[j])) continue;
      const Finding& upper = findings[i];
      const Finding& lower = findings[j];
      const double ha = lineHeight(upper), hb = lineHeight(lower);
      if (std::max(ha, hb) > 2.5 * std::min(ha, hb)) continue;
      // (lines along the row: a box more than twice its line's height is a turned line or a block)
      if (upper.box->h > 2 * ha || lower.box->h > 2 * hb) continue;
      // the facing edges: the upper outline's two lowest corners and the lower one's two highest
      std::vector<cv::Point> bottom = outlineCorners(upper), top = outlineCorners(lower);
      std::sort(bottom.begin(), bottom.end(), [](const cv::Point& p, const cv::Point& q) { return p.y > q.y; });
      std::sort(top.begin(), top.end(), [](const cv::Point& p, const cv::Point& q) { return p.y < q.y; });
      const double gap = (top[0].y + top[1].y) / 2.0 - (bottom[0].y + bottom[1].y) / 2.0;
      if (gap <= 0 || gap > 0.5 * std::min(ha, hb)) continue;
      // the narrower finding grows, over its own columns only, to the wider one's facing edge: it lies within the
      // wider one's columns (give or take half a line height), so no field label beside it is covered
      const bool upperGrows = upper.box->w < lower.box->w;
      Finding& grows = findings[upperGrows ? i : j];
      const Box& n = *grows.box;
      const Box& w = *findings[upperGrows ? j : i].box;
      const double tolerance = 0.5 * std::min(ha, hb);
      if (n.x < w.x - tolerance || n.x + n.w > w.x + w.w + tolerance) continue;
      // nothing read between them: a row in between (a date and its label between a name and an IPP) is no sliver;
      // a row is a line of about their height whose middle lies within half a line height of the gap (a title beside
      // the block, twice as tall, is not)
      const double top0 = (bottom[0].y + bottom[1].y) / 2.0, bottom0 = top0 + gap, h = std::min(ha, hb);
      bool between = false;
      for (std::size_t k = 0; k < findings.size() && !between; ++k) {
        const Finding& f = findings[k];
        if (k == i || k == j || f.kind != Kind::Text || !f.box || lineHeight(f) > 1.5 * std::max(ha, hb)) continue;
        const double middle = f.box->y + f.box->h / 2.0;
        const int shared = std::min(n.x + n.w, f.box->x + f.box->w) - std::max(n.x, f.box->x);
        between = shared > 0 && middle >= top0 - h / 2 && middle <= bottom0 + h / 2;
      }
      if (between) continue;
      // (the facing edge runs along the row, under 27 degrees: two corners of a turned outline's side are no edge)
      const cv::Point p = upperGrows ? top[0] : bottom[0], q = upperGrows ? top[1] : bottom[1];
      if (std::abs(q.y - p.y) > 0.5 * std::abs(q.x - p.x)) continue;
      auto edgeAt = [&](int x) {
        const double y = p.y + double(q.y - p.y) * (x - p.x) / (q.x - p.x);
        return int(std::lround(std::clamp(y, double(std::min(p.y, q.y)), double(std::max(p.y, q.y)))));
      };
      std::vector<cv::Point> pts = outlineCorners(grows);
      pts.push_back({n.x, edgeAt(n.x)});
      pts.push_back({n.x + n.w - 1, edgeAt(n.x + n.w - 1)});
      outlineHull(grows, pts);
    }
  }
}

// The share of the points along `outline`'s edges that lie on ink of `gray` (binarised over the outline's
// surroundings).
static double outlineInkShare(const std::vector<cv::Point>& outline, const cv::Mat& gray) {
  constexpr int kMargin = 8;
  const cv::Rect around =
      (cv::boundingRect(outline) - cv::Point(kMargin, kMargin) + cv::Size(2 * kMargin, 2 * kMargin)) &
      cv::Rect(0, 0, gray.cols, gray.rows);
  if (around.empty()) return 0.0;
  const cv::Mat ink = inkMask(gray(around));
  int onInk = 0, points = 0;
  for (std::size_t i = 0; i < outline.size(); ++i) {
    const cv::Point a = outline[i], b = outline[(i + 1) % outline.size()];
    const int steps = std::max(1, int(cv::norm(b - a)));
    for (int s = 0; s <= steps; ++s) {
      const cv::Point p = a + (b - a) * (double(s) / steps) - around.tl();
      if (p.x < 0 || p.y < 0 || p.x >= ink.cols || p.y >= ink.rows) continue;
      ++points;
      onInk += ink.at<uchar>(p) != 0;
    }
  }
  return points > 0 ? double(onInk) / points : 0.0;
}

// The direction of a text finding's line in degrees, in [-90, 90): its outline's long axis, 0 for an upright box.
static double lineDirection(const Finding& f) {
  if (f.polygon.size() < 3) return 0.0;
  cv::Point2f corners[4];
  cv::minAreaRect(outlineCorners(f)).points(corners);
  const cv::Point2f a = corners[1] - corners[0], b = corners[2] - corners[1];
  const cv::Point2f along = a.dot(a) >= b.dot(b) ? a : b;
  double degrees = std::atan2(along.y, along.x) * 180.0 / CV_PI;
  if (degrees >= 90.0) degrees -= 180.0;
  if (degrees < -90.0) degrees += 180.0;
  return degrees;
}

// The skew of the page's rows: the median direction of the other long text findings (two and a half times as long as
// high: the large lines of a turned wristband, 60-75 px glyphs with their margins, are 2.9-3.6 times), or nothing
// when there are fewer than two.
static std::optional<double> rowSkew(const std::vector<Finding>& findings, const Finding& self) {
  std::vector<double> directions;
  for (const Finding& g : findings) {
    if (&g == &self || g.kind != Kind::Text || !g.box) continue;
    const cv::Size2f size = cv::minAreaRect(outlineCorners(g)).size;
    if (std::max(size.width, size.height) >= 2.5f * std::min(size.width, size.height))
      directions.push_back(lineDirection(g));
  }
  if (directions.size() < 2) return std::nullopt;
  std::nth_element(directions.begin(), directions.begin() + long(directions.size() / 2), directions.end());
  return directions[directions.size() / 2];
}

void boxOutlinesThroughPrint(std::vector<Finding>& findings, const cv::Mat& gray) {
  if (gray.empty()) return;
  for (Finding& f : findings) {
    if (f.kind != Kind::Text || !f.phi || !f.box || f.polygon.size() < 3) continue;
    const std::vector<cv::Point> outline = outlineCorners(f);
    if (outlineInkShare(outline, gray) <= kOutlineInkShare) continue;
    // an outline along the page's rows holds its row: the print on its edges is the neighbouring rows'
    const std::optional<double> skew = rowSkew(findings, f);
    if (skew && std::abs(lineDirection(f) - *skew) <= kRowSkewTolerance) continue;
    const cv::Rect r = (cv::Rect(f.box->x, f.box->y, f.box->w, f.box->h) | cv::boundingRect(outline)) &
                       cv::Rect(0, 0, gray.cols, gray.rows);
    f.box = Box{r.x, r.y, r.width, r.height};
    f.polygon.clear();
  }
}

cv::Range printedSpan(const cv::Mat& gray, const cv::Rect& box, const std::vector<cv::Rect>& others) {
  const double t = box.height / 1.6;  // the line's height, without its margins
  // (Otsu over the line and the stretches beside it: the line's own glyphs set the level, a faded grid stays paper)
  int left = std::max(0, box.x - int(10 * t)), right = std::min(gray.cols, box.br().x + int(10 * t));
  // up to the next text of the row (a label or trailing words left out of a PHI line's mask)
  for (const cv::Rect& g : others) {
    const int shared = std::min(g.br().y, box.br().y) - std::max(g.y, box.y);
    if (g == box || shared < 0.5 * std::min(g.height, box.height)) continue;
    if (g.x >= box.br().x - t / 2) right = std::min(right, std::max(box.br().x, g.x));
    // (one that starts before the box stops it at its end, even over the box: a title outlined into a sticker's
    // date beside it is the title's print, not the date's)
    if (g.x < box.x) left = std::max(left, std::min(box.x, g.br().x));
  }
  if (left >= box.x && right <= box.br().x) return {box.x, box.br().x};
  const cv::Mat ink = inkMask(gray(cv::Rect(left, box.y, right - left, box.height)));
  // the columns inked in the middle of the line (its text spans 0.3 t to 1.3 t of the box; the row above's feet and
  // the row below's tops lie outside)
  const cv::Mat middle = ink.rowRange(int(0.55 * t), std::max(int(0.55 * t) + 1, int(1.05 * t)));
  std::vector<bool> inked(std::size_t(middle.cols));
  for (int x = 0; x < middle.cols; ++x) inked[std::size_t(x)] = cv::countNonZero(middle.col(x)) > 0;
  // how far the glyphs go on from column `from` (exclusive) in direction `step`: across gaps up to a word space;
  // ink without a gap for four line heights is a rule, and that end stays
  const auto reach = [&](int from, int step) {
    int last = from, run = 0;
    for (int x = from + step; x >= 0 && x < middle.cols; x += step) {
      if (!inked[std::size_t(x)]) {
        run = 0;
        if (std::abs(x - last) > 0.6 * t) break;  // past a word space: the row's next field, or nothing
        continue;
      }
      if (++run > 4 * t) return from;
      last = x;
    }
    return last;
  };
  return {left + reach(box.x - left, -1), left + reach(box.br().x - 1 - left, 1) + 1};
}

void extendOverLineEnds(std::vector<Finding>& findings, const cv::Mat& gray) {
  if (gray.empty()) return;
  const cv::Rect image(0, 0, gray.cols, gray.rows);
  for (Finding& f : findings) {
    if (f.kind != Kind::Text || !f.phi || !f.box || !f.polygon.empty() || f.box->h < 8) continue;
    // (a vertical line ends above and below: an unread 18 x 219 px sliver across a report's 54 px title, masked
    // beside a line read as a date, grew along the title's row into an 874 px box, seed 1637, session 29)
    if (f.box->h > 1.5 * f.box->w) continue;
    const cv::Rect box = cv::Rect(f.box->x, f.box->y, f.box->w, f.box->h) & image;
    const double t = box.height / 1.6;
    std::vector<cv::Rect> others;
    for (const Finding& g : findings)
      if (&g != &f && g.kind == Kind::Text && g.box) others.emplace_back(g.box->x, g.box->y, g.box->w, g.box->h);
    const cv::Range span = printedSpan(gray, box, others);
    const int margin = int(std::ceil(0.15 * t));
    const int x0 = span.start < box.x ? std::max(0, span.start - margin) : box.x;
    const int x1 = span.end > box.br().x ? std::min(image.width, span.end + margin) : box.br().x;
    f.box = Box{x0, box.y, x1 - x0, box.height};
  }
}

void growOverLineInk(std::vector<Finding>& findings, const cv::Mat& gray) {
  if (gray.empty()) return;
  const cv::Rect image(0, 0, gray.cols, gray.rows);
  for (Finding& f : findings) {
    if (f.kind != Kind::Text || !f.phi || !f.box || f.box->h < 8 || f.box->w < f.box->h) continue;
    if (!f.polygon.empty() && f.polygon.size() != 4) continue;
    const cv::Rect box = cv::Rect(f.box->x, f.box->y, f.box->w, f.box->h) & image;
    const cv::Range rows = inkRowsAcross(gray, box, box.height * 3 / 2);
    if (rows.empty()) continue;
    const int margin = int(std::ceil(0.05 * box.height)), most = box.height / 2;
    const int up = rows.start < box.y ? std::min({box.y, box.y - rows.start + margin, most}) : 0;
    const int down =
        rows.end > box.br().y ? std::min({image.height - box.br().y, rows.end - box.br().y + margin, most}) : 0;
    if (up == 0 && down == 0) continue;
    f.box = Box{box.x, box.y - up, box.width, box.height + up + down};
    // a turned line's outline: its two upper corners go up, its two lower ones down
    if (f.polygon.empty()) continue;
    std::vector<std::size_t> order{0, 1, 2, 3};
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return f.polygon[a][1] < f.polygon[b][1]; });
    for (std::size_t k = 0; k < 4; ++k) f.polygon[order[k]][1] += k < 2 ? -up : down;
  }
}

}  // namespace medpics::detect
