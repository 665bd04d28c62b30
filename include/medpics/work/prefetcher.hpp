// Prefetch of the next posts of the queue: details, image download (with progress), decode and PHI analysis run in
// the background, within a memory cap (the farthest items are evicted first). Pixels stay in memory.
#pragma once
#include "medpics/api/types.hpp"
#include "medpics/detect/pipeline.hpp"

#include <opencv2/core.hpp>

#include <condition_variable>
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace medpics::work {

struct PrefetchOptions {
  int depth = 8;                                      // items kept ready after the open one
  std::size_t memoryCapBytes = std::size_t{2} << 30;  // 2 GiB: files + decoded pixels + display copies
  bool analyse = true;                                // run the PHI pipeline on prefetched images
  int displayBytesPerPixel = 0;                       // size of what the display hook makes, for the estimate
};

enum class PrefetchStage { Queued, Downloading, Analysing, Ready, Failed };
std::string stageName(PrefetchStage stage);  // "queued" | "downloading" | "analysing" | "ready" | "failed"

// What a display hook prepared from decoded pixels on the worker (e.g. texture tiles), and its size in bytes.
struct DisplayData {
  std::shared_ptr<const void> data;
  std::size_t bytes = 0;
};
using DisplayHook = std::function<DisplayData(const cv::Mat& bgr)>;

struct PrefetchedImage {
  enum class Analysis { NotStarted, Running, Done };
  api::ImageRef ref;
  std::shared_ptr<const std::string> bytes;  // the original file
  std::shared_ptr<const cv::Mat> bgr;        // decoded, EXIF orientation applied
  DisplayData display;
  Analysis analysisState = Analysis::NotStarted;
  std::optional<detect::AnalysisResult> analysis;
  std::string error;
  std::size_t memory() const;
};

struct PrefetchedPost {
  api::PostDetail detail;
  std::vector<PrefetchedImage> images;
  PrefetchStage stage = PrefetchStage::Queued;
  std::string error;
  std::size_t bytesTotal = 0, bytesDone = 0;  // download progress (image files)
  std::size_t memory() const;
};

// What the display hook made of one decoded image of a post still in the cache.
struct PrefetchedDisplay {
  std::string imageId;
  std::shared_ptr<const cv::Mat> bgr;
  DisplayData display;
};

struct PrefetchProgress {
  std::string id;
  PrefetchStage stage = PrefetchStage::Queued;
  std::size_t bytesDone = 0, bytesTotal = 0;
  int imagesAnalysed = 0, imageCount = 0;
};

class Prefetcher {
 public:
  Prefetcher(std::shared_ptr<detect::Pipeline> pipeline, PrefetchOptions options, DisplayHook display = {});
  ~Prefetcher();  // cancels the analysis in flight and joins
  Prefetcher(const Prefetcher&) = delete;
  Prefetcher& operator=(const Prefetcher&) = delete;

  void setOptions(const PrefetchOptions& options);
  PrefetchOptions options() const;
  void setCredentials(std::string url, std::string token);  // empty token: nothing is fetched
  // The posts that will be opened next, nearest first. The first `depth` are fetched; the others are dropped.
  void setUpcoming(std::vector<std::string> ids);
  // Takes a post out of the cache once its images are decoded; nullptr when it is not there yet. An analysis still
  // in flight for it is cancelled and its image comes back NotStarted: the prefetch pipeline may run at background
  // priority, and the taken post is now work the user waits for, to be analysed by the caller at its own priority.
  std::shared_ptr<PrefetchedPost> take(const std::string& id);
  // The display data of a post's images once they are decoded (empty before), the post staying in the cache: e.g.
  // to upload the next post's textures before it opens.
  std::vector<PrefetchedDisplay> display(const std::string& id) const;
  // Called on a worker after every progress step (e.g. to wake the UI). Set before work starts.
  void setOnProgress(std::function<void()> onProgress);

  // While paused no new analysis starts (the one in flight finishes): the open post's own analysis goes first.
  void setAnalysisPaused(bool paused);
  std::vector<PrefetchProgress> progress() const;  // upcoming order
  std::size_t memoryUsed() const;
  int readyCount() const;
  void clear();

 private:
  struct Slot;
  void downloadLoop();
  void analyseLoop();
  std::shared_ptr<Slot> nextToDownload(std::size_t& estimate);
  void evictOverCap();
  void notifyProgress();

  std::shared_ptr<detect::Pipeline> pipeline_;
  DisplayHook display_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  PrefetchOptions options_;
  std::string url_, token_;
  std::vector<std::string> upcoming_;
  std::map<std::string, std::shared_ptr<Slot>> slots_;
  std::function<void()> onProgress_;
  bool stopping_ = false;
  bool analysisPaused_ = false;
  std::thread downloader_, analyser_;
};

}  // namespace medpics::work
