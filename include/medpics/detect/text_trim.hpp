// The part of an OCR line a PHI finding masks: the line without its leading field label and trailing benign words.
#pragma once
#include "medpics/detect/classify.hpp"
#include "medpics/detect/finding.hpp"
#include "medpics/detect/ocr.hpp"
#include "medpics/detect/text_regions.hpp"

#include <opencv2/core.hpp>

#include <vector>

namespace medpics::detect {

// Extent of the line (fractions of its length, 0 = start) that a PHI line's finding must cover. Only words read
// confidently (Tesseract word confidence >= 0.5) are left out, and never a word of the value itself:
//  - a leading run of field-label words ("Né(e) le", "N° de dossier :", "Examen du", "Nom :", misread by two letters
//    at most for long ones) and punctuation, ending with a strong label word, directly followed by a word of a PHI
//    span or a courtesy title (M., Mme, Dr: part of the value, never left out); identifier labels (IPP, ID, NIR)
//    stay inside (a label sticker prints "IPP 8231145067" as one value); particles (le, de) never end the label;
//  - a trailing run that starts with a benign vocabulary word ("kV 71 mAs 3") or is a single letter (sex "M"/"F"),
//    not right after a comma (the value goes on: "Lambert, Thé", a first name cut short by the outline).
// Everything else (unread or misread words, numbers that may continue an identifier) stays inside. The cut lies
// half-way between the last word left out and the first word kept. {0, 1} when nothing is left out.
struct LineExtent {
  double from = 0.0, to = 1.0;
  bool whole() const { return from <= 0.0 && to >= 1.0; }
};
LineExtent phiExtent(const OcrLine& line, const std::vector<TextSpan>& spans);

// Field labels between two values of one PHI line ("Nom : LE GALL Gaëlle  Né(e) le 21/12/1964": "Né(e) le"), as
// stretches of the line inside `extent` to leave out of its mask: a run of label words read confidently, ending with
// a strong label word, right after a word of a PHI span and directly followed by the first word of a value (a word of
// a span, or a courtesy title): the leading-label rule of phiExtent, applied after each value word (the spans are
// greedy: a name span may run over the label after it, a birth-date span start at the name before its label). A
// phone label ("Tél.") is not left out: the phone number continues the address it follows. Empty when nothing is.
std::vector<LineExtent> innerLabels(const OcrLine& line, const std::vector<TextSpan>& spans, const LineExtent& extent);

// The part [from, to] of a text region along its reading direction, clipped to the image. Axis-aligned vertical
// regions (read after a 90 degree turn) are returned whole.
TextRegion subRegion(const TextRegion& region, const LineExtent& extent, cv::Size image);

// A phone label left out of a PHI line's mask (`labels`: benign findings) that lies between two upright PHI text
// findings of its row is in the middle of a PHI line, not at its start ("33000 Bordeaux - Tél. 05 56 79 56 79", read
// as "33000 Bordeaux" by the coarse pass and "Tél. 05 56 79 56 79" by the small-text pass): the PHI finding after it
// is extended over it and back to the finding before it (gaps of at most one and a half label heights), and the
// label finding is dropped.
void maskLabelsBetweenValues(std::vector<Finding>& findings, std::vector<Finding>& labels);

// A benign text finding that starts after a PHI text finding of its row (boxes sharing half the smaller height), at
// most 3/4 of the smaller line height past its end, goes on with that value and becomes PHI, of the value's category,
// when the value ends with a comma (a 44 px "Cardiologie, unité 3B" outlined in two, "unite 3R" read as benign
// vocabulary) or when it reads as digits and punctuation only after a value read as PHI ("1/:44" for the time of
// "08/03/2025 17:44", a 47 px exam date on an ultrasound).
void maskValueContinuations(std::vector<Finding>& findings);

// Two PHI text findings of one row (the middles of their facing ends within half a line height: the upright boxes of
// turned rows overlap), of line heights within 2.5 times (the two passes outline with different margins: 84 and 40 px
// for one 43 px line), whose boxes are apart by at most 3/4 of the smaller line height, are one value
// outlined in two pieces ("07/01/2026 14:15" read "07/01/20" and "14:19", the "26" between them in neither): the right
// one's outline grows over the gap (the hull of its outline and the near end of the left one's), so nothing of the
// value shows between the two masks.
void bridgeSplitValues(std::vector<Finding>& findings);

// Two PHI text findings one above the other, of line heights within
// 2.5 times, whose facing edges are apart by at most half the smaller line height, leave no sliver of a line between
// them: the narrower one, when it lies within the other's columns, grows over its own columns to the other's facing
// edge (a 9 px birth date of a bordered identity block turned by a degree lay across the masks of the lines read
// above and below it, its middle rows in neither).
void bridgeStackedValues(std::vector<Finding>& findings);

// A PHI text finding whose turned outline runs through print (more than kOutlineInkShare of the points along its edges
// on ink, Otsu over the outline's surroundings in `gray`) was fitted to a region the network merged across two rows
// (the left half of a ward line and the right half of the measurements under it, outlined as one line turned 6
// degrees: the ward's right half showed above the outline): it masks its upright box, united with the outline's. A
// line's outline runs in the blank around it (0.00-0.05 of its edge on ink on the corpus). An outline turned as the
// page's rows are (within kRowSkewTolerance degrees of the median direction of the other long text findings) holds
// its row, and the print on its edges is the neighbouring rows' (the rows of an ECG header turned by 2.9 degrees, 30
// px apart): it stays, where its upright box hid 66 % of the measurements line under a 1939 px date line.
constexpr double kOutlineInkShare = 0.08;
constexpr double kRowSkewTolerance = 1.0;
void boxOutlinesThroughPrint(std::vector<Finding>& findings, const cv::Mat& gray);

// The columns over which the print of an upright line goes on from `box` (margins included: the line is box.height /
// 1.6 high): columns inked in the middle of the line (Otsu over the line and the stretches beside it, in `gray`) from
// each end of the box, across gaps of at most 0.6 line height (a word space), at most ten line heights, up to the
// next of `others` on its row (boxes sharing half the smaller height; one that starts before `box` stops it at its
// end, even over the box). An end whose ink runs on without a gap for four line heights (a rule) stays where it was.
cv::Range printedSpan(const cv::Mat& gray, const cv::Rect& box, const std::vector<cv::Rect>& others);

// An upright PHI text finding whose line goes on past either end of its box is extended over it: columns inked in the
// middle of the line (Otsu over the line and the stretches beside it, in `gray`), from the box's end across gaps of
// at most 0.6 of the line's height (a word space), at most ten line heights (the small-text pass outlined a 9 px "IPP
// 8390031677" on an ECG's grid up to its seventh digit; the coarse pass outlined a right-aligned 12 px "Service de
// radiologie" from its fourth letter). The line's height is taken as the box's over 1.6 (its margins); ink without a
// gap for four line heights is a rule, and that end is left as it was. The extension stops at the next text finding
// of the row on either side (a label or trailing settings left out of a PHI line's mask stay visible).
void extendOverLineEnds(std::vector<Finding>& findings, const cv::Mat& gray);

// A PHI text finding of a line whose glyphs reach above or below its box is grown over them (inkRowsAcross: the ink
// shapes crossing its middle row, none taller than 1.5 boxes), by up to half its height on either side, its turned
// outline's upper corners up and lower corners down: the fine pass outlined a 45 px date turned 1.3 degrees on an
// ultrasound 30 px high, and its mask stopped 4-9 px short of the glyphs' feet (79 % covered).
void growOverLineInk(std::vector<Finding>& findings, const cv::Mat& gray);

}  // namespace medpics::detect
