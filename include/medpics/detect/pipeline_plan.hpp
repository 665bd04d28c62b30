// Which detector passes one image needs, decided from its kind and its pixels before they run (issue 14 point 6):
// face tiling and the second-opinion face detectors are skipped where no kept face could come from them.
#pragma once
#include "medpics/detect/faces.hpp"
#include "medpics/detect/image_kind.hpp"

#include <opencv2/core.hpp>

namespace medpics::detect {

struct FacePlan {
  bool secondOpinions = true;       // dlib HOG and the Haar profile cascade run
  bool tilesNeedCandidate = false;  // BlazeFace tiles the image only when a second opinion found a candidate
                                    // (otherwise one pass on the whole image)
  FaceOptions options;              // the network pass's options when it tiles
  FaceOptions wholeImage;           // ... when it does not (maxTiles 1)
  double skin = 0;                  // fraction of skin-coloured pixels (the second opinions' YCrCb box), at 256 px
};

// Photos (skin, person, other colour photo): every pass, as before. Radiographs, ECGs, documents and ultrasound keep a
// face only when two detectors agree (gateFaces), so there:
// - the second opinions run only when some pixel is skin-coloured: they discard any candidate under 15 % / 30 % skin,
//   so on a greyscale image they can return nothing (they always run when the network file is missing: fallback);
// - BlazeFace runs once on the whole image, and tiles it only when a second opinion found a candidate: a face that
//   only BlazeFace sees (one detector) is dropped by the gate anyway.
FacePlan planFaces(const cv::Mat& bgr, ImageKind kind, const FaceOptions& base);
// True when the network pass tiles the image, given the second opinions' candidates.
bool runFaceTiles(const FacePlan& plan, const std::vector<FaceCandidate>& secondOpinions);

}  // namespace medpics::detect
