// Barcodes, QR codes and DataMatrix codes through ZXing-cpp, with their decoded content.
#pragma once
#include "medpics/detect/finding.hpp"

#include <opencv2/core.hpp>

#include <vector>

namespace medpics::detect {

struct CodeOptions {
  int workingSide = 2400;  // larger images are downscaled first
  int padding = 6;         // quiet-zone margin added around each code box (pixels of the image)
};

// One finding per decoded symbol: kind barcode, category "barcode" (1-D) or "qr" / "datamatrix" / "2d-code",
// phi true, text = content, box = symbol outline bounds.
std::vector<Finding> detectCodes(const cv::Mat& bgr, const CodeOptions& options = {});

// True for an "unreadable-code" finding (a square blob the localiser found but nothing decoded) that text findings
// read as benign vocabulary (or as vocabulary lines with errors, LineVerdict::vocabulary) cover for 60 % or more
// together: a bold word ("Abdomen"), a settings line ("MI 1,1 TIs 0,4") or a block of them (an ultrasound's probe
// settings, lines close enough to merge into one square) in white on black, not a code; unless a band of the box
// wider than 1.5 times its height is left uncovered (the bars beside a line of text the localiser took in with them).
bool unreadableCodeIsText(const Finding& code, const std::vector<Finding>& findings);

// True when the ink of a grey crop (the minority class after an Otsu threshold, either polarity) lies in two or more
// rows separated by blank rows, each at least 2.5 times as wide as it is tall: lines of text (an ultrasound's probe
// settings in white on black), not a 2-D code. A QR, DataMatrix, Aztec or PDF417 symbol has ink in every row; a code
// beside a line of its label is a piece as tall as it is wide.
bool looksLikeTextBlock(const cv::Mat& gray);

}  // namespace medpics::detect
