// The PHI detection pipeline the desk calls: bytes -> guarded decode -> detectors on a worker pool -> findings.
#pragma once
#include "medpics/detect/codes.hpp"
#include "medpics/detect/faces.hpp"
#include "medpics/detect/finding.hpp"
#include "medpics/detect/ocr.hpp"
#include "medpics/detect/tattoo.hpp"
#include "medpics/detect/text_regions.hpp"
#include "medpics/image/decode.hpp"
#include "medpics/util/cancel.hpp"

#include <nlohmann/json_fwd.hpp>

#include <memory>
#include <string>
#include <vector>

namespace medpics::detect {

struct PipelineOptions {
  unsigned threads = 2;    // workers of the pipeline's own pool
  int niceness = 0;        // > 0: lower priority of those workers (the desk keeps its UI first)
  int openCvThreads = -1;  // >= 0: cv::setNumThreads() at construction (process-wide; -1 leaves it);
                           // 1 avoids nesting OpenCV threads in the pool (no faster on 2 cores)
  image::DecodeLimits limits;
  bool faces = true, text = true, codes = true, metadata = true, tattoos = true;
  FaceOptions face;
  TextOptions textRegions;
  OcrOptions ocr;
  CodeOptions code;
  TattooOptions tattoo;
  // A PHI line's box leaves out its field label and trailing settings read confidently (text_trim.hpp); the parts
  // left out become benign findings (dismissed outlines in the desk). The residual check re-reads such a label beside
  // the smaller mask with the blended mask's edge ("Prélevé h") and matches it to that dismissed label instead of
  // raising it again (residual_match.hpp). Off: the whole line is masked.
  bool trimFieldLabels = true;
  std::size_t cacheEntries = 64;  // results kept in memory, keyed by sha256(bytes) + version()
  // The speed-ups of issue 14 point 6, each switchable so that bench_detection measures it with and without
  // (the strip refinement tiles are textRegions.refineTileHeight; 0 gives the square tiles).
  struct Speed {
    bool sharedQueue = true;  // one job queue per analysis: refinement tiles and line OCR on both workers, no barrier
    bool facePlan = true;     // no face tiling / second opinions on non-photos without skin (pipeline_plan.hpp)
    bool workingCopy = true;  // kind and face passes on one 2048 px copy of a larger image
  } speed;
};

struct AnalysisResult {
  int width = 0, height = 0;      // oriented image size
  std::vector<Finding> findings;  // boxes in pixels of the oriented image
  double elapsedMs = 0;
  std::string error;  // non-empty: the image could not be analysed (findings may be partial)
  std::string sha256;
  bool fromCache = false;
  std::string imageKind;  // kind recognised from the pixels (image_kind.hpp), e.g. "ecg"
  bool ok() const { return error.empty(); }
};

// {"width","height","elapsed_ms","image_kind"?,"findings":[...]} plus "error" when set.
nlohmann::json toJson(const AnalysisResult& result);

// What start-up cost: every model is loaded once per worker thread, in parallel, in the background from construction
// on (not with the first image, not on the constructing thread). CPU times are the slowest worker's.
struct PipelineStartup {
  double wallMs = 0;               // construction's warm-up, wall clock
  double networksCpuMs = 0;        // BlazeFace + PP-OCRv4 DB (cv::dnn::readNet), CPU time of one worker
  double firstInferenceCpuMs = 0;  // one inference per network instance (layer allocation), not left to image 1
  double ocrCpuMs = 0;             // Tesseract engine (fra+eng)
  double faceCpuMs = 0;            // dlib HOG detector and the profile cascade
  double wordListCpuMs = 0;        // the French word list of the classifier (isDictionaryWord), read once per process
  bool ocrReady = true;
  std::string ocrError;
};

// The constructor starts loading the models on a background thread; the destructor joins it. A Pipeline in static
// storage must wait for startup() before the process exits: the loading thread runs inside OpenCV's DNN importer,
// whose own statics are destroyed first at exit.
class Pipeline {
 public:
  explicit Pipeline(PipelineOptions options = {});
  ~Pipeline();
  Pipeline(const Pipeline&) = delete;
  Pipeline& operator=(const Pipeline&) = delete;

  // Thread-safe; never throws. Must not be called from one of this pipeline's own workers.
  // A cancelled analysis returns error "cancelled" and is not cached.
  AnalysisResult analyze(const std::string& bytes, const util::CancelToken& cancel = {});
  // Same on an already decoded, oriented 8-bit BGR image (no metadata, no cache): used to re-check masked output.
  AnalysisResult analyzeImage(const cv::Mat& bgr, const util::CancelToken& cancel = {});

  // Degraded modes found at construction, e.g. a missing network file (the classical detectors are used instead).
  // (waits for the models to be loaded: the OCR engine's availability is known then)
  const std::vector<std::string>& warnings() const;
  const PipelineStartup& startup() const;  // waits for the background warm-up started by the constructor
  static std::string version();
  void clearCache();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::vector<std::string> warnings_;
  PipelineStartup startup_;
};

}  // namespace medpics::detect
