// Kind of a clinical image recognised from its pixels (radiograph, ECG, document, ultrasound, skin or person photo)
// and the detector gating that follows from it (tattoos only on skin, faces on non-photos only with strong evidence).
#pragma once
#include "medpics/detect/faces.hpp"
#include "medpics/detect/finding.hpp"

#include <opencv2/core.hpp>

#include <vector>

namespace medpics::detect {

enum class ImageKind { Radiograph, Ecg, Document, Ultrasound, SkinPhoto, PersonPhoto, Photo };
const char* imageKindName(ImageKind kind);  // "radiograph", "ecg", "document", "ultrasound", "skin", "person", "photo"

// Measured on a copy scaled to about 256 px; both polarities (an inverted ECG or document is still one).
struct ImageKindFeatures {
  double colourful = 0;        // fraction of pixels with HSV saturation > 60 and value > 40
  double paper = 0;            // fraction of very bright, unsaturated pixels (white paper)
  double pinkPaper = 0;        // fraction of bright, slightly red pixels (ECG paper and its grid)
  double dark = 0;             // fraction of pixels with value < 30
  double midTones = 0;         // fraction of grey pixels between 60 and 190
  double skin = 0;             // fraction of skin-coloured pixels (YCrCb box)
  double gridPeriodicity = 0;  // strength of a regular vertical-line pattern (0..1)
  double page = 0;             // fraction within 30 grey levels of the 90th percentile (a page under any light)
  double pageSaturation = 0;   // mean HSV saturation of those pixels (paper is pale, skin is not)
  double ink = 0;              // fraction darker than 55 % of the 90th percentile (print, traces)
  double speckle = 0;          // fraction of mid-grey pixels (40..215) differing by > 10 from their 3x3 mean
                               // (an ultrasound sector's speckle; radiographs are smooth, paper is flat)
};
ImageKindFeatures measureImageKind(const cv::Mat& bgr);

// Kind from pixels only: Photo for colour photographs (refined with refineWithFaces).
ImageKind classifyImageKind(const cv::Mat& bgr);
ImageKind classifyImageKind(const ImageKindFeatures& features);
// A colour photo with a face is a photo of a person; with skin and no face, a skin or wound photo.
ImageKind refineWithFaces(ImageKind kind, const ImageKindFeatures& features, bool faceFound);

bool isPhotoKind(ImageKind kind);
// The tattoo heuristic is run on photos showing skin only (not documents, ECGs, radiographs, ultrasound).
bool tattooHeuristicApplies(ImageKind kind);

// On radiographs, ECGs, documents and ultrasound, a face is kept only with strong evidence: two detectors agree (the
// merged finding names two sources), its size is plausible (tight face at most 35 % of the short side, at least
// 12 px) and, on a colour image, at least 25 % of the tight face box is skin-coloured. On photos every face is kept.
std::vector<Finding> gateFaces(const std::vector<Finding>& faces, const cv::Mat& bgr, ImageKind kind);

}  // namespace medpics::detect
