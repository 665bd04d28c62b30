// Synthetic clinical images (radiograph, lab report, ECG, skin photo, wristband, proofs) with exact ground truth.
#pragma once
#include "medpics/demo/identity.hpp"
#include "medpics/demo/text.hpp"
#include "medpics/demo/types.hpp"

#include <optional>

namespace medpics::synth {

struct GenerateOptions {
  // Target size; 0 picks a size typical of the kind (about 1 to 3 MP) from the seed.
  int width = 0, height = 0;
  // The patient shown; a random one derived from the seed when absent.
  std::optional<PatientIdentity> patient;
  // Corpus difficulty (medpics corpus): small text (8-13 px) for a share of the PHI blocks, the full font mix,
  // compound / particle / caret-separated names, bordered identity blocks, stickers, every ZXing symbology,
  // inverted ultrasound and ECG. Off: the images the demo and the tests have always drawn (same pixels).
  bool hard = false;
  // Hard style overrides (regression images of a given miss): glyph height of the identity / header blocks,
  // negative polarity (ultrasound, ECG), body and bold font. Unset: drawn from the seed.
  std::optional<int> identityPx;
  std::optional<bool> inverted;
  std::optional<Font> font, boldFont;
  // Regression overrides of the photographed sheet / band (the random draws are still made, so the other
  // choices of the seed stay the same): rotation in degrees, JPEG quality, bordered identity block (lab report),
  // leading of the identity lines in percent of the glyph height (170 when unset; ~115 nearly merges the lines).
  std::optional<double> rotation;
  std::optional<int> jpegQuality;
  std::optional<bool> identityBox;
  std::optional<int> identityLeading;
  // The wristband's second code (hard): symbology, side in pixels and rotation in degrees.
  std::optional<std::string> symbology;
  std::optional<int> symbolPx;
  std::optional<double> symbolDegrees;
};

// Deterministic for (kind, seed, options). Kinds RppsCard / OrdreCertificate / StudentCard render
// the proof of a random applicant; use proofDocument() (applicants.hpp) for a given applicant.
SynthImage generate(ImageKind kind, uint64_t seed, const GenerateOptions& options = {});

// Real face photographs found on this machine (opencv-doc sample images) with their face boxes.
struct FacePhoto {
  std::string path;
  cv::Rect face;  // face box in the photo's own pixels
};
std::vector<FacePhoto> availableFacePhotos();

}  // namespace medpics::synth
