// Detection quality metrics against synthetic ground truth: per-category recall, false alarms, timing.
#pragma once
#include "medpics/detect/finding.hpp"

#include <array>
#include <map>
#include <string>
#include <vector>

namespace medpics::detect {

// One ground-truth element (the synth module's Element, as stored in the corpus JSON).
struct TruthElement {
  std::string kind;  // face | text | barcode | tattoo
  std::string category;
  bool phi = false;
  Box box;
  std::string text;
  int glyphPx = 0;        // text: font pixel size (0: unknown, corpora written before it was recorded)
  std::string symbology;  // barcode: ZXing format name
  std::vector<std::array<int, 2>> outline;  // the drawn shape of a turned element (4 corners); empty: its box
};

struct TruthImage {
  std::string imagePath;  // absolute or relative to the corpus directory
  std::string kind;       // synth image kind name
  int width = 0, height = 0;
  std::vector<TruthElement> elements;
};

// Reads every "*.json" ground-truth file of a corpus directory (sorted by name). Throws on malformed files.
std::vector<TruthImage> loadCorpus(const std::string& directory);

// Minimum fraction of a PHI element's area that phi findings must cover for it to count as found.
double requiredCoverage(const std::string& elementKind);  // face 0.8, text/barcode 0.9, tattoo 0.5

// Fraction of `element` covered by the union of the boxes of phi findings; with `outlines`, by what the desk masks
// (a finding's polygon when it has one, as regionsFromFindings does, else its box). `truthOutline` (4 corners, the
// drawn shape of a turned element) limits the element to its shape inside its box. Recall and the benign area are
// scored on what the desk masks of the drawn shape; recall on upright boxes is still printed for comparison.
double coverage(const Box& element, const std::vector<Finding>& findings, bool outlines = false,
                const std::vector<std::array<int, 2>>& truthOutline = {});

struct ImageScore {
  std::map<std::string, std::pair<int, int>> found;  // category key -> (found, total); keys "text:name", "face", ...
  int foundOnBoxes = 0;  // PHI elements covered by the findings' upright boxes (the measure before session 11)
  int falseAlarms = 0;   // phi findings with a box touching no ground-truth element
  std::vector<std::string> missed;                         // descriptions of missed PHI elements
  std::vector<std::string> alarms;                         // descriptions of the false alarms
  std::pair<int, int> smallText{0, 0};                     // PHI text with glyph_px <= 13: (found, total)
  std::map<std::string, std::pair<int, int>> symbologies;  // barcode recall per ZXing format name
  std::map<std::string, int> alarmsByDetector;             // false alarms per Finding::detector
  double benignTextArea = 0,
         benignTextMasked = 0;            // pixels of benign text elements, and of them masked (polygons when given)
  double benignTextUnderBoxes = 0;        // of them under the findings' upright boxes (before session 9)
  std::vector<std::string> benignMasked;  // benign text elements under phi boxes (> 10 %), and by what
};
ImageScore scoreImage(const TruthImage& truth, const std::vector<Finding>& findings);

// Glyph height at or below which text counts as small (the "13 px or smaller").
constexpr int kSmallTextPx = 13;

struct Summary {
  std::map<std::string, std::pair<int, int>> found;
  int foundOnBoxes = 0;
  std::pair<int, int> smallText{0, 0};
  std::map<std::string, std::pair<int, int>> symbologies;
  std::map<std::string, int> alarmsByDetector;
  double benignTextArea = 0, benignTextMasked = 0, benignTextUnderBoxes = 0;
  std::map<std::string, std::pair<double, double>> benignByKind;  // truth image kind -> (benign area masked, area)
  std::map<std::string, std::map<std::string, int>> kinds;        // truth image kind -> kind found -> images
  int images = 0, falseAlarms = 0;
  std::vector<double> ms, megapixels;
  void add(const ImageScore& score, double elapsedMs, double mp);
  // the image kind the pipeline found from the pixels, against the kind the corpus drew (evaluate's kind table)
  void addKind(const std::string& truthKind, const std::string& foundKind, const ImageScore& score);
  double recall(const std::string& prefix) const;      // over keys starting with prefix ("text:", "face", "" = all)
  double percentile(double p) const;                   // of ms
  double msPerMegapixel() const;                       // median of per-image ms / MP
  double smallTextRecall() const;                      // 1 when the corpus has no small text
  double benignMaskedFraction() const;                 // benign text area masked / benign text area
  std::string report(const std::string& title) const;  // printable table
};

}  // namespace medpics::detect
