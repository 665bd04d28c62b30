// Location of the network files (fetched by scripts/fetch-models.sh, never committed).
#pragma once
#include <opencv2/dnn.hpp>

#include <string>

namespace medpics::detect {

// Model directory: $MEDPICS_MODELS if set, else util::shareDirectory() / "models" (installed beside the programs).
std::string modelDirectory();
// Full path of a model file in `directory` (modelDirectory() when empty); empty string when the file is absent.
std::string findModel(const std::string& fileName, const std::string& directory = {});

// The calling thread's instance of the network in `path` (loaded on first use, CPU backend): cv::dnn::Net is not
// safe to share between threads.
// `instance` names a separate copy (OpenCV 4.6 keeps the first input shape a DB network saw: each tile size
// needs its own instance).
cv::dnn::Net& threadNetwork(const std::string& path, int instance = 0);
// How many network files this process has imported so far (every thread, every instance): a model loaded once per
// worker shows as a count that no later image raises.
int networkImports();

inline constexpr const char* kBlazeFaceModel = "blazeface_back_256.onnx";
inline constexpr const char* kTextDbModel = "ppocr_v4_det.onnx";

}  // namespace medpics::detect
