// Which detector passes one image needs, decided from its kind and its pixels before they run (issue 14 point 6):
// face tiling and the second-opinion face detectors are skipped where no kept face could come from them.
#pragma once
#include "medpics/detect/faces.hpp"
#include "medpics/detect/image_kind.hpp"

#include <opencv2/core.hpp>

namespace medpics::detect {

struct FacePlan {
  bool networkTiles = true;    // BlazeFace on the whole image and its tiles; false: on the whole image only
  bool secondOpinions = true;  // dlib HOG and the Haar profile cascade
  FaceOptions options;         // the options of the network pass (maxTiles 1 when networkTiles is false)
  double skin = 0;             // fraction of skin-coloured pixels (the second opinions' YCrCb box), at 256 px
  double saturatedSkin = 0;    // ... that are also saturated (gateFaces' test: pale pink ECG paper is not skin)
};

// Photos (skin, person, other colour photo): every pass, as before. Radiographs, ECGs, documents and ultrasound keep a
// face only when two detectors agree and its centre is skin-coloured on a colour image (gateFaces), so there:
// - the second opinions run only when some pixel is skin-coloured: they discard any candidate under 15 % / 30 % skin,
//   so on a greyscale image they can return nothing (they also run when the network file is missing: fallback);
// - BlazeFace tiles the image only when >= 0.2 % of it is saturated skin; otherwise one pass on the whole image.
FacePlan planFaces(const cv::Mat& bgr, ImageKind kind, const FaceOptions& base);

}  // namespace medpics::detect
