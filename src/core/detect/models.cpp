// Model directory lookup: environment first, then the data folder beside the executable.
#include "medpics/detect/models.hpp"

#include "medpics/util/share_dir.hpp"

#include <cstdlib>
#include <atomic>
#include <filesystem>
#include <map>
#include <mutex>

namespace medpics::detect {

std::string modelDirectory() {
  if (const char* env = std::getenv("MEDPICS_MODELS"); env && *env) return env;
  return (util::shareDirectory() / "models").string();
}

std::string findModel(const std::string& fileName, const std::string& directory) {
  const std::filesystem::path path = std::filesystem::path(directory.empty() ? modelDirectory() : directory) / fileName;
  std::error_code ec;
  return std::filesystem::is_regular_file(path, ec) ? path.string() : std::string();
}

namespace {
std::atomic<int> imports{0};
}

int networkImports() { return imports.load(); }

cv::dnn::Net& threadNetwork(const std::string& path, int instance) {
  thread_local std::map<std::pair<std::string, int>, cv::dnn::Net> nets;
  auto it = nets.find({path, instance});
  if (it == nets.end()) {
    // OpenCV's importers share the process-wide layer registry without making concurrent imports safe (TSan saw
    // two warm-up workers race in LayerFactory::createLayerInstance): one import at a time, inference stays parallel
    static std::mutex importing;
    std::unique_lock lock(importing);
    cv::dnn::Net net = cv::dnn::readNet(path);
    ++imports;
    lock.unlock();
    net.setPreferableBackend(cv::dnn::DNN_BACKEND_OPENCV);
    net.setPreferableTarget(cv::dnn::DNN_TARGET_CPU);
    it = nets.emplace(std::make_pair(path, instance), std::move(net)).first;
  }
  return it->second;
}

}  // namespace medpics::detect
