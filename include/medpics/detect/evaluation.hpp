// Detection quality metrics against synthetic ground truth: per-category recall, false alarms, timing.
#pragma once
#include "medpics/detect/finding.hpp"

#include <map>
#include <string>
#include <vector>

namespace medpics::detect {

// One ground-truth element (the synth module's Element, as stored in the corpus JSON).
struct TruthElement {
  std::string kind;      // face | text | barcode | tattoo
  std::string category;
  bool phi = false;
  Box box;
  std::string text;
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

// Fraction of `element` covered by the union of the boxes of phi findings.
double coverage(const Box& element, const std::vector<Finding>& findings);

struct ImageScore {
  std::map<std::string, std::pair<int, int>> found;  // category key -> (found, total); keys "text:name", "face", ...
  int falseAlarms = 0;                                 // phi findings with a box touching no ground-truth element
  std::vector<std::string> missed;                     // descriptions of missed PHI elements
  std::vector<std::string> alarms;                     // descriptions of the false alarms
};
ImageScore scoreImage(const TruthImage& truth, const std::vector<Finding>& findings);

struct Summary {
  std::map<std::string, std::pair<int, int>> found;
  int images = 0, falseAlarms = 0;
  std::vector<double> ms, megapixels;
  void add(const ImageScore& score, double elapsedMs, double mp);
  double recall(const std::string& prefix) const;  // over keys starting with prefix ("text:", "face", "" = all)
  double percentile(double p) const;              // of ms
  double msPerMegapixel() const;                  // median of per-image ms / MP
  std::string report(const std::string& title) const;  // printable table
};

}  // namespace medpics::detect
