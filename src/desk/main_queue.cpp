// MainQueue implementation.
#include "main_queue.hpp"

namespace medpics::desk {

void MainQueue::post(std::function<void()> fn) {
  {
    std::lock_guard lock(mutex_);
    pending_.push_back(std::move(fn));
  }
  if (wake_) wake_();
}

void MainQueue::drain() {
  std::vector<std::function<void()>> batch;
  {
    std::lock_guard lock(mutex_);
    batch.swap(pending_);
  }
  for (auto& fn : batch) fn();
}

bool MainQueue::empty() const {
  std::lock_guard lock(mutex_);
  return pending_.empty();
}

}  // namespace medpics::desk
