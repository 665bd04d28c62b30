// Patient labels: text printed beside a barcode (lab-report stickers, wristbands) is identity text, read or not.
#pragma once
#include "medpics/detect/finding.hpp"

#include <opencv2/core.hpp>

#include <vector>

namespace medpics::detect {

// Where the text of a code's label may be printed: the code's box grown to the left and right by twice its height plus
// half its width, and above and below by half its height plus a tenth of its width (a wide PDF417 on a lab report
// reaches no further than the lines beside it, not the analyte table under it). Empty for findings that are no
// evidence of a label: anything but a code, and the matrix localiser's undecoded squares (bold glyphs and scale ticks
// look like them) unless `undecodedSquares`. A decoded code, or bars the bar localiser found but could not decode, are.
cv::Rect codeLabelArea(const Finding& code, bool undecodedSquares = false);

// True when the centre of `box` lies in the label area of one of `codes` (of the undecoded squares too when
// `undecodedSquares`: the unreadable-line rule masks lines read as nothing beside them, a sticker's 11 px name, date
// and IPP beside an Aztec code ZXing could not read at JPEG q52; the lines' pixels are unreadable, and they are masked
// only there, never turned from benign).
bool onCodeLabel(const std::vector<Finding>& codes, const cv::Rect& box, bool undecodedSquares = false);

// Applies the label rule to the text findings of an image, once its codes are known:
//  - text "à vérifier" (kToCheckCategory) whose centre lies on a code's label is masked (phi true, other-text), and so
//    is a line read as benign that holds four digits or more (a garbled date or number: a label prints no results);
//    not a range of decimal numbers ("12,0 - 16,0": reference values of the table under a sticker's code). A vocabulary
//    line is promoted too: "metal de CT" was an 8 px "Né(e) le : 28/07/1981" on a sticker;
//  - a PHI line on a label that lies beside the code, its rows overlapping the code's, is masked up to the code's
//    edge: the small-text pass can stop a 10 px line short of its last word ("De Saint-Exupéry, Yann" found up to
//    "Exupéry"), and the blank label between text and code hides nothing. Its outline becomes the upright box;
//  - an uncertain line ("other-text", masked) on a label, left of the code, that starts right of the masked lines above
//    or below it (within 1.5 line
//    heights, starting at most six line heights further left) starts at their margin: the label's lines are printed
//    from one margin, and the small-text pass can outline a fragment of one ("Le", 13 x 6 px, of a 9 px IPP line).
//  - with the image's grey levels (`gray`), a PHI line on a label grows over the glyphs its box cuts (pieces of ink of
//    glyph size, mostly inside): a turned line outlined with its neighbours lost the tops of its letters.
void maskCodeLabels(std::vector<Finding>& findings, const std::vector<Finding>& codes, const cv::Mat& gray = {});

}  // namespace medpics::detect
