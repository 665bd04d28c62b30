// Synthetic clinical images with exact ground truth: the shared types (pixels + list of drawn elements).
#pragma once
#include <opencv2/core.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace medpics::synth {

// One thing drawn on a synthetic image, with its tight axis-aligned box in image pixels.
// kind: "face" | "text" | "barcode" | "tattoo".
// category: "name" | "date" | "nir" | "id" | "phone" | "email" | "address" | "other-text" | "benign"
//           | "face" | "barcode" | "tattoo".
//   "address" also covers hospital / ward / city names (they locate the patient);
//   "other-text" is identifying text of no other category; "benign" text is never PHI
//   (labels such as "Patient :", anatomical markers, units, analyte names).
// phi: true when the element must be masked before publication.
// box: tight around the ink that was drawn; after a rotation, the bounding box of the rotated box.
// outline: after a rotation, the four corners of the rotated box (not clipped to the image); empty while the
//   element is upright (its outline is then its box).
struct Element {
  std::string kind;
  std::string category;
  bool phi = false;
  cv::Rect box;
  std::string text;       // exact UTF-8 text for text elements, encoded payload for barcodes, empty otherwise
  int glyphPx = 0;        // text: font pixel size it was drawn at (before any later scaling: see Canvas/resize)
  std::string symbology;  // barcode: ZXing format name ("QRCode", "DataMatrix", "Code128", ...)
  std::vector<cv::Point2f> outline;
};

// The four corners of an element as drawn: its outline, or its box while it is upright.
std::vector<cv::Point2f> cornersOf(const Element& e);
// Maps an element through the 2x3 affine `m` (box: the bounds of the mapped corners, clipped to `bounds`).
void transformElement(Element& e, const cv::Mat& m, const cv::Rect& bounds);
// Moves an element by `offset` (box clipped to `bounds`).
void moveElement(Element& e, cv::Point offset, const cv::Rect& bounds);

enum class ImageKind {
  RadiographDark,   // white annotations on a black background
  RadiographLight,  // inverted: black annotations on a white background
  LabReport,        // photographed printed page, slightly rotated, JPEG noise
  Ecg,              // ECG printout: grid, traces, patient header
  SkinFace,         // skin / wound photo with a real face photograph composited (falls back to SkinTattoo)
  SkinTattoo,       // skin / wound photo with a tattoo-like ink mark
  Wristband,        // patient wristband with a barcode and the patient's name
  RppsCard,         // registration proofs (see applicants.hpp)
  OrdreCertificate,
  StudentCard,
  Ultrasound,  // ultrasound frame: dark sector of speckle, header and probe settings (inverted in the corpus)
};

struct SynthImage {
  ImageKind kind = ImageKind::RadiographDark;
  cv::Mat pixels;              // CV_8UC3, BGR
  std::vector<Element> truth;  // every element drawn, PHI or not
};

// Stable lower-case names: "radiograph_dark", "lab_report", "skin_face", "rpps_card", ...
std::string kindName(ImageKind kind);
// Post kind of the API contract for an image kind: "radiograph", "lab_report", "ecg", "photo", "wristband", "document".
std::string postKind(ImageKind kind);

// Deterministic pseudo-random numbers (same sequence on every platform for a seed).
class Rng {
 public:
  explicit Rng(uint64_t seed);
  uint64_t next();
  int uniform(int lo, int hi);  // inclusive bounds
  double real(double lo = 0.0, double hi = 1.0);
  bool chance(double p) { return real() < p; }
  template <class T>
  const T& pick(const std::vector<T>& v) {
    return v[static_cast<size_t>(uniform(0, static_cast<int>(v.size()) - 1))];
  }

 private:
  uint64_t state_;
};

}  // namespace medpics::synth
