// MainQueue implementation.
#include "main_queue.hpp"

#include "medpics/util/guard.hpp"

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
  // The UI thread's boundary: a completion that throws is logged and the others still run (completions report
  // their errors to the moderator themselves; an exception reaching this point is a bug).
  for (auto& fn : batch) log::runLoggingExceptions("UI completion failed", fn);
}

bool MainQueue::empty() const {
  std::lock_guard lock(mutex_);
  return pending_.empty();
}

}  // namespace medpics::desk
