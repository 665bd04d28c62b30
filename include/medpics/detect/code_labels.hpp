// Patient labels: text printed beside a barcode (lab-report stickers, wristbands) is identity text, read or not.
#pragma once
#include "medpics/detect/finding.hpp"

#include <opencv2/core.hpp>

#include <cstddef>
#include <vector>

namespace medpics::detect {

// Where the text of a code's label may be printed: the code's box grown to the left and right by twice its height plus
// half its width, and above and below by half its height plus a tenth of its width (a wide PDF417 on a lab report
// reaches no further than the lines beside it, not the analyte table under it). Empty for findings that are no
// evidence of a label: anything but a code, and the matrix localiser's undecoded squares (bold glyphs and scale ticks
// look like them). A decoded code, or bars the bar localiser found but could not decode, are.
cv::Rect codeLabelArea(const Finding& code);

// True when the centre of `box` lies in the label area of one of `codes`.
bool onCodeLabel(const std::vector<Finding>& codes, const cv::Rect& box);

// Applies the label rule to the text findings of an image, once its codes are known:
//  - text "à vérifier" (kToCheckCategory) whose centre lies on a code's label is masked (phi true, other-text), and so
//    is a line read as benign that holds four digits or more (a garbled date or number: a label prints no results);
//    not the lines `vocabulary` lists (indices into `findings`: clinical words read with errors, "-aD0ratoire de
//    biologie médicale", the page's title beside a sticker's code), nor a range of decimal numbers ("12,0 - 16,0":
//    reference values of the table under it);
//  - a PHI line on a label that lies beside the code, its rows overlapping the code's, is masked up to the code's
//    edge: the small-text pass can stop a 10 px line short of its last word ("De Saint-Exupéry, Yann" found up to
//    "Exupéry"), and the blank label between text and code hides nothing. Its outline becomes the upright box.
void maskCodeLabels(std::vector<Finding>& findings, const std::vector<Finding>& codes,
                    const std::vector<std::size_t>& vocabulary = {});

// A field label left out of a PHI line's mask (`labels`: benign findings, "IPP" of "IPP 8231145067") before a value on
// a code's label is masked with it: the value, the nearest PHI line of the label's height (within 2 times) starting on
// its row within one and a half label heights after it, whose centre lies in the label area of a code (any code, the
// matrix localiser's undecoded squares included, the area at least three times the code's longer side across and one
// and a half above and below: a label masked with its value hides nothing), grows over the label (upright box), and
// the label finding is dropped. A patient label is identity text whole.
void maskFieldLabelsOnCodeLabels(std::vector<Finding>& findings, std::vector<Finding>& labels,
                                 const std::vector<Finding>& codes);

}  // namespace medpics::detect
