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

}  // namespace medpics::detect
