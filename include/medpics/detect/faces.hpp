// Face detection: BlazeFace on multi-scale overlapping tiles, plus dlib HOG and a profile cascade as second opinions.
#pragma once
#include "medpics/detect/finding.hpp"
#include "medpics/util/cancel.hpp"

#include <opencv2/core.hpp>

#include <string>
#include <vector>

namespace medpics::detect {

// A raw detection in image pixels (tight face box).
struct FaceCandidate {
  cv::Rect2f box;
  float score = 0.f;
  std::string source;  // "blazeface", "dlib-hog", "haar-profile"
};

struct FaceOptions {
  std::string modelPath;          // BlazeFace ONNX; empty: look it up with findModel()
  float blazeThreshold = 0.45f;   // sigmoid score
  int minTileSide = 320;          // finest tile side in image pixels (network sees 256x256)
  int maxTiles = 28;              // tile budget over all scales (about 13 ms of CPU each on this machine)
  bool skinGateFineTiles = true;  // quarter-scale tiles and finer only where >= 2 % of pixels are skin-coloured
                                  // (radiographs, ECGs, documents skip them; greyscale photos too)
  bool hog = true;                // dlib HOG second opinion
  bool profileCascade = true;     // Haar profile cascade second opinion (both directions)
  int secondOpinionSide = 800;    // working long side for HOG (frontal faces >= 10 % of the side)
  int profileSide = 512;          // working long side for the profile cascade (faces >= 7 % of the side)
  float headScaleW = 1.5f;        // masked region = head: tight box scaled about its centre...
  float headScaleH = 1.8f;
  float headShiftUp = 0.15f;  // ...and shifted up by this fraction of the tight height (forehead, hair)
};

// BlazeFace pass over the image (whole image + overlapping tiles at halving scales). Empty when no model.
std::vector<FaceCandidate> blazeFaceTiles(const cv::Mat& bgr, const FaceOptions& options,
                                          const util::CancelToken& cancel = {});
// Runs BlazeFace once on a square 8-bit BGR image of any size (resized to 256x256); boxes in that image's pixels.
std::vector<FaceCandidate> blazeFaceSquare(const cv::Mat& squareBgr, const std::string& modelPath, float threshold);
std::vector<FaceCandidate> hogFaces(const cv::Mat& bgr, int workingSide);
std::vector<FaceCandidate> profileFaces(const cv::Mat& bgr, int workingSide);

// Mask (255) of the skin-coloured pixels of a BGR image: the YCrCb box every skin test of the detectors uses.
cv::Mat skinMask(const cv::Mat& bgr);

// Merges candidates (IoU or containment), maps them to head boxes inside the image.
std::vector<Finding> mergeFaces(const std::vector<FaceCandidate>& candidates, cv::Size imageSize,
                                const FaceOptions& options);

// Four or more single-detector face boxes on a close-up of skin (80 % of the image skin-coloured) are a swarm over its
// texture (BlazeFace gave 4-29 boxes at 0.45-0.77 on close-ups of mottled skin): those under 0.9 whose head box has
// the image's own colour statistics (mean Lab within one image deviation, lightness spread under 1.5 times the
// image's) are dropped. A face, even in a group photo of small faces at 0.48-0.75, holds eyes, hair and its own
// background: 2.6-4.9 deviations apart, 2.5-5 times the spread. (A crowd filling the frame would look like its image,
// but it is no close-up of skin: clothes, hair and background.)
std::vector<Finding> withoutTextureSwarm(std::vector<Finding> faces, const cv::Mat& bgr);

class FaceDetector {
 public:
  explicit FaceDetector(FaceOptions options = {});
  bool networkAvailable() const { return !options_.modelPath.empty(); }
  // detect() = merge(network candidates + second-opinion candidates); the parts can run on different workers.
  std::vector<Finding> detect(const cv::Mat& bgr, const util::CancelToken& cancel = {}) const;
  std::vector<FaceCandidate> networkCandidates(const cv::Mat& bgr, const util::CancelToken& cancel = {}) const;
  std::vector<FaceCandidate> secondOpinionCandidates(const cv::Mat& bgr, const util::CancelToken& cancel = {}) const;
  std::vector<Finding> merge(const std::vector<FaceCandidate>& candidates, cv::Size imageSize) const;
  // A second look at each face box that one detector gave under kSureFace: BlazeFace again on a square of 2.2 times
  // the head box's long side centred on it, where a face fills about a third of the input. A face scores 0.81-0.97
  // there (123 face boxes of the corpus's photos, 40-1500 px heads); the blotches of mottled skin that BlazeFace took
  // for faces at 0.45-0.77 score 0.00-0.43. Under kSecondLook, the box is shown to check (phi false), not masked.
  std::vector<Finding> withSecondLook(std::vector<Finding> faces, const cv::Mat& bgr) const;

 private:
  FaceOptions options_;
};

}  // namespace medpics::detect
