// Where text that could not be read confidently may identify someone, and what becomes of it elsewhere ("to-check").
#pragma once
#include "medpics/detect/finding.hpp"
#include "medpics/detect/image_kind.hpp"

#include <opencv2/core.hpp>

#include <cstddef>
#include <string_view>
#include <vector>

namespace medpics::detect {

// Category of uncertain text shown outlined for the moderator to look at, phi false ("à vérifier" in the desk).
inline constexpr const char* kToCheckCategory = "to-check";

// True when the text holds a word after which identifying text follows (Nom, Patient, Dr, IPP, Né(e), Tél...).
bool hasIdentityTrigger(std::string_view text);

// True when the centre of `box` lies in the header band (top 20 %) or the footer band (bottom 10 %) of an image of
// `height` rows, where identity blocks, ECG headers and radiograph/ultrasound overlays are printed.
// On a document page, the header zone of uncertain text goes down to kDocumentHeaderBand (resolveUncertainText).
constexpr double kDocumentHeaderBand = 0.3;
inline bool inIdentityBand(const cv::Rect& box, int height) {
  const double cy = box.y + box.height / 2.0;
  return cy < 0.2 * height || cy > 0.9 * height;
}

// Where the small-text pass places its refinement tiles first: the identity band, and the footer down from 85 % of
// the height (an ECG's two 8 px identity lines under its traces, at 88 %, got none of the 16 tiles: 192 rows of its
// grid took them).
inline bool inRefinementPriorityBand(const cv::Rect& box, int height) {
  return inIdentityBand(box, height) || box.y + box.height / 2.0 > 0.85 * height;
}

// The confidence from which a PHI text finding anchors an identity block (a weak reading such as a capitalised pair in
// a poorly read header row, 0.34, does not).
inline constexpr float kAnchorConfidence = 0.4f;
// A small line that reads as nothing at all needs less: a PHI line read poorly beside it (a 9 px "13015 Marseille -
// Tél." read as a name at 0.37, a sticker's name at 0.37 and IPP at 0.39) is enough to mask it (an address line and
// an IPP above and under them were left unmasked). On pages and photos only (the pipeline's choice): on an ECG, an
// ultrasound or a radiograph, traces, speckle and anatomy read as letters make weak names.
inline constexpr float kUnreadableAnchorConfidence = 0.3f;

// True when `box` is the next row of a masked text line of an identity block: the same size (box heights within 30 %),
// directly above or under it (centres half a line apart or more, apart by under half a line) and flush with it on
// the left or the right (within a line height). The line must be PHI read with confidence (a category other than
// "other-text", kAnchorConfidence or more) unless `anyMasked`: any masked text line then (an unknown ward name
// "Dermatologie" masked by default). A misread ward under its hospital ("N@ardiologie, unité 3B", a vocabulary line
// to resolveUncertainText) and an unread hospital line over its ward are rows of such blocks.
bool stackedInBlock(const std::vector<Finding>& findings, const cv::Rect& box, bool anyMasked);

// True when `box` lies next to a PHI text finding read with confidence (`minConfidence` or more, category not
// "other-text") or to a line holding a trigger word (within two line heights above/below and three left/right of it):
// inside an identity block.
bool nextToIdentityLine(const std::vector<Finding>& findings, const cv::Rect& box,
                        float minConfidence = kAnchorConfidence);

// An uncertain text finding may identify, and stays masked (phi true), when:
//  - the image is a photo (labels, stickers and wristbands are photographed: any text on them may identify);
//  - it lies in the identity band (inIdentityBand), except, on an ECG, a short token (four letters or digits at most:
//    a misread lead label) that is not on the row of identity text that stays masked;
//  - it lies next to a PHI finding or a line holding a trigger word (within two line heights above/below and three
//    line heights left/right of it): the rest of an identity block.
// Elsewhere it becomes kToCheckCategory with phi false. `uncertain` lists indices into `findings`; those also in
// `vocabulary` (LineVerdict::vocabulary: clinical vocabulary read with errors, no trigger, no PHI span, no capitalised
// unknown word) become kToCheckCategory wherever they are, except on photos. An uncertain finding that would stay
// masked but spans rows finer findings read one by one (readRowByRow) becomes kToCheckCategory too, except on photos.
// Before all that, uncertain or unknown text ("other-text") that re-reads part of a benign line read with confidence
// (its box within the line's, half of its words, two at least, words of that line; or its outline within the line's
// turned outline, no taller, with no PHI span and no trigger word) becomes benign, phi false, except on photos.
void resolveUncertainText(std::vector<Finding>& findings, const std::vector<std::size_t>& uncertain, cv::Size image,
                          ImageKind kind, const std::vector<std::size_t>& vocabulary = {});

}  // namespace medpics::detect
