// Context rule for text not read confidently: masked in identity zones, near triggers and on photos; "to-check"
// elsewhere.
#include "medpics/detect/text_context.hpp"

#include "medpics/detect/classify.hpp"
#include "medpics/detect/lexicon.hpp"
#include "medpics/detect/text_rows_read.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

namespace medpics::detect {

bool hasIdentityTrigger(std::string_view text) {
  const std::vector<std::string> words = foldedWords(text);
  static const char* extra[] = {"ipp",     "nda", "nir", "ddn",  "dob",  "tel",   "adresse",  "sejour",
                                "dossier", "ins", "id",  "secu", "rpps", "adeli", "naissance"};
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    // "Né(e) le", "Née le": "ne" alone is also a misread number ("ne - 145" for "136 - 145")
    if (w == "ne" || w == "nee") {
      for (std::size_t k = i + 1; k < words.size() && k <= i + 2; ++k)
        if (words[k] == "le" || words[k] == "e") return true;
      continue;
    }
    // a name trigger followed by a number is a setting ("DR 60": an ultrasound's dynamic range), not a label
    const bool numberNext = i + 1 < words.size() && words[i + 1].find_first_not_of("0123456789") == std::string::npos;
    if (isNameTrigger(w) && !numberNext) return true;
    if (std::find(std::begin(extra), std::end(extra), w) != std::end(extra)) return true;
  }
  return false;
}

static int alnumChars(const std::string& text) {
  int n = 0;
  for (unsigned char c : text) n += (std::isalnum(c) || c >= 0xC0) ? 1 : 0;  // a UTF-8 lead byte counts once
  return n;
}

// Neighbourhoods of the anchors: PHI text read with confidence, or lines holding a trigger word (within two box
// heights above/below and three left/right of them; a turned line's box is taller than the line, and so is its
// neighbourhood: a 9 px IPP line read as nothing beside a turned identity block is kept masked by it).
struct Anchor {
  cv::Rect area;      // where text may belong to the anchor's identity block
  double lineHeight;  // of the anchor's own line, with its margins (text_rows_read.hpp)
};

static std::vector<Anchor> identityAnchors(const std::vector<Finding>& findings, const std::vector<char>& skip,
                                           float minConfidence = kAnchorConfidence) {
  std::vector<Anchor> anchors;
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const Finding& f = findings[i];
    if (f.kind != Kind::Text || !f.box || (i < skip.size() && skip[i])) continue;
    // (read with confidence: a weak reading such as a capitalised pair in a poorly read header row, 0.34, is no anchor,
    // nor is uncertain text holding a trigger-like word)
    const bool phiText = f.phi && f.category != "other-text" && f.confidence >= minConfidence;
    const bool uncertainText = f.category == "other-text" || f.category == kToCheckCategory;
    if (!phiText && (uncertainText || !hasIdentityTrigger(f.text))) continue;
    const int h = std::max(1, f.box->h);
    anchors.push_back({{f.box->x - 3 * h, f.box->y - 2 * h, f.box->w + 6 * h, f.box->h + 4 * h}, lineHeight(f)});
  }
  return anchors;
}

bool nextToIdentityLine(const std::vector<Finding>& findings, const cv::Rect& box, float minConfidence) {
  const std::vector<Anchor> anchors = identityAnchors(findings, {}, minConfidence);
  return std::any_of(anchors.begin(), anchors.end(), [&](const Anchor& a) { return (a.area & box).area() > 0; });
}

bool stackedInBlock(const std::vector<Finding>& findings, const cv::Rect& b, bool anyMasked) {
  return std::any_of(findings.begin(), findings.end(), [&](const Finding& f) {
    if (f.kind != Kind::Text || !f.box || !f.phi || f.category == kToCheckCategory) return false;
    if (!anyMasked && (f.category == "other-text" || f.confidence < kAnchorConfidence)) return false;
    const cv::Rect a(f.box->x, f.box->y, f.box->w, f.box->h);
    if (a == b) return false;  // the line itself
    const int h = std::min(a.height, b.height);
    if (h <= 0 || std::max(a.height, b.height) > 1.3 * h) return false;
    // (the next row: centres half the shorter height apart or more, a gap under half of it; an outline 28 px high,
    // margins included, over a 23 px one overlapped it by 12 px, its row 14 px above)
    const int overlap = std::min(a.br().y, b.br().y) - std::max(a.y, b.y);
    const double apart = std::abs((a.y + a.height / 2.0) - (b.y + b.height / 2.0));
    const bool nextRow = apart >= 0.5 * h && overlap > -0.5 * h;
    const bool flush = std::abs(a.x - b.x) <= h || std::abs(a.br().x - b.br().x) <= h;
    return nextRow && flush;
  });
}

// True when benign text lies both above and under `b` in its column, or twice on one side (the column's last cells),
// within three rows of it: flush with it on the left or the right or centred on it (within a line height), of about
// its height (a coarse outline over two cells is up to twice as high as a fine one): a cell of a table whose column
// is vocabulary, units or ranges.
static bool cellOfBenignColumn(const std::vector<Finding>& findings, const cv::Rect& b) {
  int above = 0, below = 0;
  for (const Finding& f : findings) {
    if (f.kind != Kind::Text || !f.box || f.phi || f.category != "benign") continue;
    const cv::Rect a(f.box->x, f.box->y, f.box->w, f.box->h);
    const int h = std::min(a.height, b.height), tallest = std::max(a.height, b.height);
    if (h <= 0 || tallest > 2 * h) continue;
    const double centreA = a.x + a.width / 2.0, centreB = b.x + b.width / 2.0;
    const bool column =
        std::abs(a.x - b.x) <= h || std::abs(a.br().x - b.br().x) <= h || std::abs(centreA - centreB) <= h;
    const double dy = (a.y + a.height / 2.0) - (b.y + b.height / 2.0);
    if (!column || std::abs(dy) < 0.5 * h || std::abs(dy) > 3.0 * tallest) continue;
    ++(dy < 0 ? above : below);
  }
  return (above > 0 && below > 0) || above >= 2 || below >= 2;
}

// The share of `inner`'s outline (polygon, else box) that the outlines of `covers` hold together.
static double outlineShare(const Finding& inner, const std::vector<const Finding*>& covers) {
  const std::vector<cv::Point> a = outlineCorners(inner);
  const cv::Rect frame = cv::boundingRect(a);
  if (frame.area() <= 0) return 0;
  cv::Mat1b in = cv::Mat1b::zeros(frame.size()), out = cv::Mat1b::zeros(frame.size());
  cv::fillPoly(in, std::vector<std::vector<cv::Point>>{a}, 255, cv::LINE_8, 0, -frame.tl());
  for (const Finding* cover : covers)
    cv::fillPoly(out, std::vector<std::vector<cv::Point>>{outlineCorners(*cover)}, 255, cv::LINE_8, 0, -frame.tl());
  const int area = cv::countNonZero(in);
  return area > 0 ? cv::countNonZero(in & out) / double(area) : 0;
}

// The benign text findings read with confidence (classified 0.75 or more: a line of prose read at 0.75).
static std::vector<const Finding*> clearBenignLines(const std::vector<Finding>& findings) {
  std::vector<const Finding*> lines;
  for (const Finding& v : findings)
    if (v.kind == Kind::Text && v.box && !v.phi && v.category == "benign" && v.confidence >= 0.75f) lines.push_back(&v);
  return lines;
}

// True when uncertain text `u` is a poorer reading of part of a benign line read with confidence (0.8 or more: read at
// 0.9 or more): its box lies within that line's (80 % of its area or more) and half of its words, two at least, are
// words of that line (the lower half of "Filtre 0,05-150 Hz Axe QRS -20° Rythme sinusal", read 0.91, re-read by the
// small-text pass as "Filtre U,Uo-LoU Hz Axe"); or its outline lies within the line's outline, turned or upright (90 %
// or more), no taller than the line, whatever else it read (no PHI span, no trigger word: the coarse pass's "= TJ) VE"
// and "iltre g" over a turned ECG's 13 px measurement lines, masked in the header band). A line spanning an identity
// row too holds words the benign line does not, and reaches out of its outline.
// Or its read part lies within benign lines read with confidence together (85 % or more: a coarse outline runs on
// past a line's end, 11 % of "Contrôle dans trois mois avec bilan lipidique." on a report), with no PHI span nor
// trigger word in its own reading (over PHI lines too, it is readRowByRow's to check): the coarse pass's "= clinique :
// =" and "Santrûle dans trnis mois" over two and one lines of a report's body, outlined beside the lines the small-text
// pass read at 0.93.
static bool rereadsBenignLine(const Finding& u, const std::vector<Finding>& findings) {
  const cv::Rect box(u.box->x, u.box->y, u.box->w, u.box->h);
  // (an upright uncertain line's box reaches half a line height past each end of what was read, as PHI boxes do, and
  // its margins above and below are a fifth of its height when its outline is looser than the line's, a coarse
  // region over a line the small-text pass outlined tighter: the part that was read is the box without those)
  Finding readPart = u;
  double tallest = 1.0;  // how much taller than the benign line the uncertain one may be
  if (u.polygon.size() < 3) {
    const int end = std::min(u.box->h / 2, u.box->w / 4), margin = u.box->h / 6;
    readPart.box = Box{u.box->x + end, u.box->y + margin, u.box->w - 2 * end, u.box->h - 2 * margin};
    tallest = 1.25;
  }
  const bool plainReading = findPhiSpans(u.text).empty() && !hasIdentityTrigger(u.text);
  if (plainReading && outlineShare(readPart, clearBenignLines(findings)) >= 0.85) return true;
  std::vector<std::string> words;
  for (std::string& w : foldedWords(u.text))
    if (w.size() >= 2 && w.find_first_of("0123456789") == std::string::npos) words.push_back(std::move(w));
  return std::any_of(findings.begin(), findings.end(), [&](const Finding& v) {
    if (v.kind != Kind::Text || !v.box || v.phi || v.category != "benign" || v.confidence < 0.8f) return false;
    const cv::Rect line(v.box->x, v.box->y, v.box->w, v.box->h);
    if (lineHeight(u) <= tallest * lineHeight(v) && outlineShare(readPart, {&v}) >= 0.9 && plainReading) return true;
    if (words.size() < 2) return false;
    if ((line & box).area() < 0.8 * box.area()) return false;
    const std::vector<std::string> lineWords = foldedWords(v.text);
    const auto shared = std::count_if(words.begin(), words.end(), [&](const std::string& w) {
      return std::find(lineWords.begin(), lineWords.end(), w) != lineWords.end();
    });
    return shared >= 2 && 2 * shared >= long(words.size());
  });
}

void resolveUncertainText(std::vector<Finding>& findings, const std::vector<std::size_t>& uncertain, cv::Size image,
                          ImageKind kind, const std::vector<std::size_t>& vocabulary) {
  if (isPhotoKind(kind)) return;  // on photos all uncertain text stays masked
  // what the better reading of the same pixels says, for uncertain text and unknown text alike ("iltre g", read at 0.6
  // from the coarse pass over "Filtre 0,05-150 Hz ...")
  for (Finding& f : findings)
    if (f.kind == Kind::Text && f.box && f.phi && f.category == "other-text" && rereadsBenignLine(f, findings)) {
      f.category = "benign";
      f.phi = false;
    }
  if (uncertain.empty()) return;
  std::vector<char> isUncertain(findings.size(), 0), isVocabulary(findings.size(), 0);
  for (std::size_t i : uncertain)
    if (i < findings.size()) isUncertain[i] = 1;
  for (std::size_t i : vocabulary)
    if (i < findings.size()) isVocabulary[i] = 1;
  const std::vector<Anchor> anchors = identityAnchors(findings, isUncertain);
  const auto boxOf = [&](std::size_t i) {
    const Box& b = *findings[i].box;
    return cv::Rect(b.x, b.y, b.w, b.h);
  };
  // (on a document page the header zone goes down to 30 % of the page: the letterhead and the patient block above the
  // results; a bordered block of blurred 9 px identity lines lay at 22-25 %, read as garbage and nothing)
  const auto inBand = [&](const cv::Rect& box) {
    return inIdentityBand(box, image.height) ||
           (kind == ImageKind::Document && box.y + box.height / 2.0 < kDocumentHeaderBand * image.height);
  };
  // on an ECG the header band also holds the first row of lead labels: a lone short token (at most 4 letters or
  // digits) that no identity line is near is a misread lead label ("ave" for aVR), not a name; nor is one on the
  // traces under the header, in a line more than 1.5 times as tall as the identity line it is near (an identity
  // block is printed in one size; trace strokes read as "Lt" are as tall as the traces)
  const auto leadLike = [&](std::size_t i) { return kind == ImageKind::Ecg && alnumChars(findings[i].text) <= 4; };
  std::vector<char> staysMasked(findings.size(), 0);
  const auto settled = [&](std::size_t i) {
    return i >= findings.size() || !findings[i].box || findings[i].category == "benign";
  };
  for (std::size_t i : uncertain) {
    if (settled(i)) continue;
    const cv::Rect box = boxOf(i);
    const double height = lineHeight(findings[i]);
    const bool nearAnchor = std::any_of(anchors.begin(), anchors.end(), [&](const Anchor& a) {
      return (a.area & box).area() > 0 && !(leadLike(i) && height > 1.5 * a.lineHeight);
    });
    // a vocabulary line read with errors (LineVerdict::vocabulary: no trigger, no PHI span, no capitalised unknown
    // word) is a measurement, settings or analyte line wherever it is printed
    // (a table's cell between benign cells of its column is vocabulary read poorly, in the header band too: "Cod" for
    // "Sodium" and "_LmolfL" for "µmol/L" in a lab table turned a degree, its rules through the cells, at 9 % of the
    // page; unless an identity line is near)
    const bool tableCell = !nearAnchor && findPhiSpans(findings[i].text).empty() &&
                           !hasIdentityTrigger(findings[i].text) && cellOfBenignColumn(findings, box);
    staysMasked[i] =
        ((inBand(box) && !leadLike(i) && !tableCell) || nearAnchor) &&
        (!isVocabulary[i] || (kind != ImageKind::Ecg && inBand(box) && stackedInBlock(findings, box, false)));
  }
  // a short token of the header band on the row of identity text that stays masked continues that row (the 8 px
  // "IPP 8566009015" of an ECG header seen as a 25 x 6 px fragment read '"AOA', beside "Né(e) le" read as garbage):
  // lead labels are printed under the header, on no identity row
  const auto onIdentityRow = [&](std::size_t i) {
    const cv::Rect box = boxOf(i);
    const int h = std::max(1, box.height);
    for (std::size_t j = 0; j < findings.size(); ++j) {
      if (j == i || findings[j].kind != Kind::Text || !findings[j].box || !findings[j].phi) continue;
      if (isUncertain[j] && !staysMasked[j]) continue;
      const cv::Rect other = boxOf(j);
      const int overlap = std::min(box.br().y, other.br().y) - std::max(box.y, other.y);
      const int gap = std::max(other.x - box.br().x, box.x - other.br().x);
      if (overlap >= 0.5 * std::min(h, other.height) && gap <= 10 * std::min(h, other.height)) return true;
    }
    return false;
  };
  for (std::size_t i : uncertain) {
    if (settled(i)) continue;
    if (!staysMasked[i] && leadLike(i) && inBand(boxOf(i)) && !isVocabulary[i] && onIdentityRow(i)) staysMasked[i] = 1;
  }
  for (std::size_t i : uncertain) {
    if (settled(i) || staysMasked[i]) continue;
    findings[i].category = kToCheckCategory;
    findings[i].phi = false;
  }
  // uncertain text still masked that merged rows finer findings read one by one adds nothing: each row keeps its own
  // verdict (finest first, so a coarser region only counts rows whose verdict is final)
  std::vector<std::size_t> masked;
  for (std::size_t i : uncertain)
    if (i < findings.size() && findings[i].box && findings[i].phi) masked.push_back(i);
  std::sort(masked.begin(), masked.end(),
            [&](std::size_t a, std::size_t b) { return findings[a].box->h < findings[b].box->h; });
  for (std::size_t i : masked) {
    if (!readRowByRow(findings, i)) continue;
    findings[i].category = kToCheckCategory;
    findings[i].phi = false;
  }
}

}  // namespace medpics::detect
