// Prefetcher: a download+decode thread and an analysis thread working nearest-first over the upcoming posts.
#include "medpics/work/prefetcher.hpp"

#include "medpics/api/platform_client.hpp"
#include "medpics/image/decode.hpp"
#include "medpics/util/cancel.hpp"
#include "medpics/util/thread_priority.hpp"

#include <algorithm>
#include <chrono>

namespace medpics::work {
namespace {
// A few quick retries on network errors, 429 and 5xx, so that a flaky link does not fail a prefetch.
template <class Call>
auto retried(Call call) {
  auto result = call();
  for (int attempt = 1; attempt < 3 && !result && result.error().retryable(); ++attempt) {
    std::this_thread::sleep_for(std::chrono::milliseconds(150 << attempt));
    result = call();
  }
  return result;
}
}  // namespace

std::string stageName(PrefetchStage stage) {
  switch (stage) {
    case PrefetchStage::Downloading: return "downloading";
    case PrefetchStage::Analysing: return "analysing";
    case PrefetchStage::Ready: return "ready";
    case PrefetchStage::Failed: return "failed";
    default: return "queued";
  }
}

std::size_t PrefetchedImage::memory() const {
  std::size_t total = display.bytes;
  if (bytes) total += bytes->size();
  if (bgr) total += bgr->total() * bgr->elemSize();
  return total;
}

std::size_t PrefetchedPost::memory() const {
  std::size_t total = 0;
  for (const auto& image : images) total += image.memory();
  return total;
}

struct Prefetcher::Slot {
  PrefetchedPost post;
  int generation = 0;        // bumps on eviction: results of older work are dropped
  std::size_t estimate = 0;  // memory the post will need once decoded (0 until its detail is known)
  util::CancelToken cancel;  // the analysis in flight
};

Prefetcher::Prefetcher(std::shared_ptr<detect::Pipeline> pipeline, PrefetchOptions options, DisplayHook display)
    : pipeline_(std::move(pipeline)), display_(std::move(display)), options_(options) {
  downloader_ = std::thread([this] { downloadLoop(); });
  if (pipeline_) analyser_ = std::thread([this] { analyseLoop(); });
}

Prefetcher::~Prefetcher() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    for (auto& [id, slot] : slots_) slot->cancel.cancel();
  }
  wake_.notify_all();
  if (downloader_.joinable()) downloader_.join();
  if (analyser_.joinable()) analyser_.join();
}

void Prefetcher::setOptions(const PrefetchOptions& options) {
  {
    std::lock_guard lock(mutex_);
    options_ = options;
    evictOverCap();
  }
  wake_.notify_all();
}

PrefetchOptions Prefetcher::options() const {
  std::lock_guard lock(mutex_);
  return options_;
}

void Prefetcher::setCredentials(std::string url, std::string token) {
  {
    std::lock_guard lock(mutex_);
    url_ = std::move(url);
    token_ = std::move(token);
  }
  wake_.notify_all();
}

void Prefetcher::setOnProgress(std::function<void()> onProgress) {
  std::lock_guard lock(mutex_);
  onProgress_ = std::move(onProgress);
}

void Prefetcher::setUpcoming(std::vector<std::string> ids) {
  {
    std::lock_guard lock(mutex_);
    upcoming_ = std::move(ids);
    const std::size_t depth = static_cast<std::size_t>(std::max(0, options_.depth));
    if (upcoming_.size() > depth) upcoming_.resize(depth);
    for (auto it = slots_.begin(); it != slots_.end();) {
      if (std::find(upcoming_.begin(), upcoming_.end(), it->first) == upcoming_.end()) {
        it->second->cancel.cancel();
        it = slots_.erase(it);
      } else {
        ++it;
      }
    }
    for (const auto& id : upcoming_)
      if (!slots_.count(id)) slots_[id] = std::make_shared<Slot>();
    evictOverCap();
  }
  wake_.notify_all();
}

std::shared_ptr<PrefetchedPost> Prefetcher::take(const std::string& id) {
  std::lock_guard lock(mutex_);
  auto it = slots_.find(id);
  if (it == slots_.end()) return nullptr;
  const PrefetchStage stage = it->second->post.stage;
  if (stage != PrefetchStage::Analysing && stage != PrefetchStage::Ready) return nullptr;
  it->second->cancel.cancel();  // an analysis in flight for it stops; the caller analyses that image again
  auto post = std::make_shared<PrefetchedPost>(std::move(it->second->post));
  for (auto& image : post->images)
    if (image.analysisState == PrefetchedImage::Analysis::Running)
      image.analysisState = PrefetchedImage::Analysis::NotStarted;
  slots_.erase(it);
  std::erase(upcoming_, id);
  wake_.notify_all();
  return post;
}

std::vector<PrefetchedDisplay> Prefetcher::display(const std::string& id) const {
  std::lock_guard lock(mutex_);
  std::vector<PrefetchedDisplay> out;
  auto it = slots_.find(id);
  if (it == slots_.end()) return out;
  const PrefetchedPost& post = it->second->post;
  if (post.stage != PrefetchStage::Analysing && post.stage != PrefetchStage::Ready) return out;
  for (const auto& image : post.images) out.push_back({image.ref.id, image.bgr, image.display});
  return out;
}

std::vector<PrefetchProgress> Prefetcher::progress() const {
  std::lock_guard lock(mutex_);
  std::vector<PrefetchProgress> out;
  for (const auto& id : upcoming_) {
    auto it = slots_.find(id);
    if (it == slots_.end()) continue;
    const PrefetchedPost& p = it->second->post;
    PrefetchProgress pr{id, p.stage, p.bytesDone, p.bytesTotal, 0, static_cast<int>(p.images.size())};
    for (const auto& image : p.images) pr.imagesAnalysed += image.analysisState == PrefetchedImage::Analysis::Done;
    out.push_back(pr);
  }
  return out;
}

std::size_t Prefetcher::memoryUsed() const {
  std::lock_guard lock(mutex_);
  std::size_t total = 0;
  for (const auto& [id, slot] : slots_) total += slot->post.memory();
  return total;
}

int Prefetcher::readyCount() const {
  std::lock_guard lock(mutex_);
  int n = 0;
  for (const auto& [id, slot] : slots_) n += slot->post.stage == PrefetchStage::Ready;
  return n;
}

void Prefetcher::clear() { setUpcoming({}); }

void Prefetcher::setAnalysisPaused(bool paused) {
  {
    std::lock_guard lock(mutex_);
    if (analysisPaused_ == paused) return;
    analysisPaused_ = paused;
  }
  wake_.notify_all();
}

void Prefetcher::notifyProgress() {
  std::function<void()> f;
  {
    std::lock_guard lock(mutex_);
    f = onProgress_;
  }
  if (f) f();
}

// Caller holds mutex_. While over the cap, the farthest post holding memory goes back to the queued state.
void Prefetcher::evictOverCap() {
  auto used = [&] {
    std::size_t total = 0;
    for (const auto& [id, slot] : slots_) total += slot->post.memory();
    return total;
  };
  for (auto it = upcoming_.rbegin(); it != upcoming_.rend() && used() > options_.memoryCapBytes; ++it) {
    auto& slot = slots_[*it];
    if (!slot || slot->post.memory() == 0) continue;
    slot->cancel.cancel();
    auto fresh = std::make_shared<Slot>();
    fresh->generation = slot->generation + 1;
    fresh->estimate = slot->estimate;  // known: it is not fetched again until it fits
    slot = fresh;
  }
}

// Caller holds mutex_. The nearest queued post, if it fits in memory next to the nearer ones; else nothing (a
// farther post never takes memory a nearer one needs).
std::shared_ptr<Prefetcher::Slot> Prefetcher::nextToDownload(std::size_t& estimate) {
  if (token_.empty()) return nullptr;
  std::size_t used = 0;
  for (const auto& [id, slot] : slots_) used += slot->post.memory();
  for (const auto& id : upcoming_) {
    auto& slot = slots_[id];
    if (slot->post.stage != PrefetchStage::Queued) continue;
    if (slot->estimate > 0 && used + slot->estimate > options_.memoryCapBytes) return nullptr;
    estimate = slot->estimate;
    return slot;
  }
  return nullptr;
}

void Prefetcher::downloadLoop() {
  util::setCurrentThreadNiceness(util::kBackgroundNiceness);
  while (true) {
    std::shared_ptr<Slot> slot;
    std::string id, url, token;
    int generation = 0, bytesPerPixel = 0;
    {
      std::unique_lock lock(mutex_);
      std::size_t estimate = 0;
      wake_.wait(lock, [&] { return stopping_ || (slot = nextToDownload(estimate)); });
      if (stopping_) return;
      for (const auto& [key, s] : slots_)
        if (s == slot) id = key;
      slot->post.stage = PrefetchStage::Downloading;
      generation = slot->generation;
      url = url_;
      token = token_;
      bytesPerPixel = options_.displayBytesPerPixel;
    }
    api::PlatformClient client(url, token);
    // Re-checks that the slot is still the one in the map (not evicted or taken) and runs `apply` on it.
    auto update = [&](auto apply) {
      std::lock_guard lock(mutex_);
      auto it = slots_.find(id);
      if (it == slots_.end() || it->second != slot || slot->generation != generation) return false;
      apply(slot->post);
      return true;
    };
    auto fail = [&](const std::string& error) {
      update([&](PrefetchedPost& p) {
        p.stage = PrefetchStage::Failed;
        p.error = error;
      });
      notifyProgress();
    };
    auto detail = retried([&] { return client.post(id); });
    if (!detail) {
      fail(detail.error().describe());
      continue;
    }
    if (detail->status != "pending") {
      fail("already decided");
      continue;
    }
    std::size_t estimate = 0, total = 0;
    for (const auto& ref : detail->images) {
      estimate += static_cast<std::size_t>(ref.width) * ref.height * (3 + bytesPerPixel) + ref.bytes;
      total += ref.bytes;
    }
    bool fits = true;
    const bool current = update([&](PrefetchedPost& p) {
      p.detail = detail.value();
      p.bytesTotal = total;
      slot->estimate = estimate;
      std::size_t used = 0;
      for (const auto& [key, s] : slots_) used += s->post.memory();
      if (used + estimate > options_.memoryCapBytes) {
        evictOverCap();  // never evicts this one: it holds nothing yet
        used = 0;
        for (const auto& [key, s] : slots_) used += s->post.memory();
        fits = used + estimate <= options_.memoryCapBytes;
        if (!fits) p.stage = PrefetchStage::Queued;  // waits until nearer posts are taken
      }
    });
    if (!current || !fits) continue;
    std::vector<PrefetchedImage> images;
    std::string error;
    for (const auto& ref : detail->images) {
      PrefetchedImage image;
      image.ref = ref;
      auto bytes = retried([&] { return client.download(ref.url); });
      if (!bytes) {
        error = ref.id + ": " + bytes.error().describe();
        break;
      }
      if (!update([&](PrefetchedPost& p) { p.bytesDone += bytes->data.size(); })) break;
      notifyProgress();
      image::DecodedImage decoded = image::decode(bytes->data);
      if (!decoded.ok()) {
        error = ref.id + ": " + (decoded.error.empty() ? "cannot decode the image" : decoded.error);
        break;
      }
      image.bytes = std::make_shared<const std::string>(std::move(bytes.value().data));
      image.bgr = std::make_shared<const cv::Mat>(std::move(decoded.bgr));
      if (display_) image.display = display_(*image.bgr);
      images.push_back(std::move(image));
    }
    if (!error.empty()) {
      fail(error);
      continue;
    }
    update([&](PrefetchedPost& p) {
      if (images.size() != p.detail.images.size()) return;  // interrupted by an eviction
      const bool analyse = pipeline_ && options_.analyse;   // under the lock: setOptions() writes it from the UI thread
      p.images = std::move(images);
      p.stage = analyse ? PrefetchStage::Analysing : PrefetchStage::Ready;
    });
    wake_.notify_all();
    notifyProgress();
  }
}

void Prefetcher::analyseLoop() {
  util::setCurrentThreadNiceness(util::kBackgroundNiceness);
  while (true) {
    std::shared_ptr<Slot> slot;
    std::string id;
    std::size_t index = 0;
    std::shared_ptr<const std::string> bytes;
    util::CancelToken cancel;
    int generation = 0;
    {
      std::unique_lock lock(mutex_);
      auto pick = [&] {
        for (const auto& upcomingId : upcoming_) {
          auto it = slots_.find(upcomingId);
          if (it == slots_.end() || it->second->post.stage != PrefetchStage::Analysing) continue;
          auto& images = it->second->post.images;
          for (std::size_t i = 0; i < images.size(); ++i)
            if (images[i].analysisState == PrefetchedImage::Analysis::NotStarted) {
              slot = it->second;
              id = upcomingId;
              index = i;
              return true;
            }
        }
        return false;
      };
      wake_.wait(lock, [&] { return stopping_ || (!analysisPaused_ && pick()); });
      if (stopping_) return;
      auto& image = slot->post.images[index];
      image.analysisState = PrefetchedImage::Analysis::Running;
      bytes = image.bytes;
      slot->cancel = util::CancelToken();
      cancel = slot->cancel;
      generation = slot->generation;
    }
    notifyProgress();
    const detect::AnalysisResult result = pipeline_->analyze(*bytes, cancel);
    {
      std::lock_guard lock(mutex_);
      auto it = slots_.find(id);
      const bool inCache = it != slots_.end() && it->second == slot && slot->generation == generation;
      if (inCache) {
        auto& image = slot->post.images[index];
        image.analysis = result;
        image.analysisState = PrefetchedImage::Analysis::Done;
        const bool all = std::all_of(slot->post.images.begin(), slot->post.images.end(),
                                     [](const auto& i) { return i.analysisState == PrefetchedImage::Analysis::Done; });
        if (all) slot->post.stage = PrefetchStage::Ready;
      }  // else taken or evicted meanwhile: the result is dropped
    }
    notifyProgress();
  }
}

}  // namespace medpics::work
