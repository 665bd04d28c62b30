// The part of an OCR line a PHI finding masks: the line without its leading field label and trailing benign words.
#pragma once
#include "medpics/detect/classify.hpp"
#include "medpics/detect/ocr.hpp"
#include "medpics/detect/text_regions.hpp"

#include <opencv2/core.hpp>

namespace medpics::detect {

// Extent of the line (fractions of its length, 0 = start) that a PHI line's finding must cover. Only words read
// confidently (Tesseract word confidence >= 0.6) are left out, and only when every PHI span lies outside them:
//  - a leading run of field-label words ("Né(e) le", "N° de dossier :", "IPP", "Examen du", "Nom :") and
//    punctuation; courtesy titles (M., Mme, Dr) are part of the value and never left out;
//  - a trailing run that starts with a benign vocabulary word ("kV 71 mAs 3") or is a single letter (sex "M"/"F").
// Everything else (unread or misread words, numbers that may continue an identifier) stays inside. The cut lies
// half-way between the last word left out and the first word kept. {0, 1} when nothing is left out.
struct LineExtent {
  double from = 0.0, to = 1.0;
  bool whole() const { return from <= 0.0 && to >= 1.0; }
};
LineExtent phiExtent(const OcrLine& line, const std::vector<TextSpan>& spans);

// The part [from, to] of a text region along its reading direction, clipped to the image. Axis-aligned vertical
// regions (read after a 90 degree turn) are returned whole.
TextRegion subRegion(const TextRegion& region, const LineExtent& extent, cv::Size image);

}  // namespace medpics::detect
