// Synthetic clinical images (radiograph, lab report, ECG, skin photo, wristband, proofs) with exact ground truth.
#pragma once
#include "medpics/synth/identity.hpp"
#include "medpics/synth/types.hpp"

#include <optional>

namespace medpics::synth {

struct GenerateOptions {
  // Target size; 0 picks a size typical of the kind (about 1 to 3 MP) from the seed.
  int width = 0, height = 0;
  // The patient shown; a random one derived from the seed when absent.
  std::optional<PatientIdentity> patient;
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
