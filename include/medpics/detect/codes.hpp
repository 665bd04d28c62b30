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

// True for an "unreadable-code" finding (a square blob the localiser found but nothing decoded) that a text finding
// read as benign vocabulary (or as a vocabulary line with errors, LineVerdict::vocabulary) covers for 60 % or more:
// a bold word ("Abdomen") or a settings line ("MI 1,1 TIs 0,4") in white on black, not a code.
bool unreadableCodeIsText(const Finding& code, const std::vector<Finding>& findings);

}  // namespace medpics::detect
