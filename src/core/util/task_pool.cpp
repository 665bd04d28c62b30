// TaskPool implementation: FIFO queue drained by N worker threads.
#include "medpics/util/task_pool.hpp"

#include "medpics/util/guard.hpp"
#include "medpics/util/thread_priority.hpp"

#include <string>

namespace medpics::util {

TaskPool::TaskPool(unsigned threads, int niceness) {
  if (threads == 0) threads = std::max(2u, std::thread::hardware_concurrency());
  for (unsigned i = 0; i < threads; ++i)
    workers_.emplace_back([this, niceness] {
      setCurrentThreadNiceness(niceness);
      run();
    });
}

TaskPool::~TaskPool() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  for (auto& w : workers_) w.join();
}

void TaskPool::submit(std::function<void()> task) {
  {
    std::lock_guard lock(mutex_);
    queue_.push_back(std::move(task));
  }
  wake_.notify_one();
}

void TaskPool::submit(std::function<void(const CancelToken&)> task, CancelToken token) {
  submit([task = std::move(task), token] {
    if (!token.cancelled()) task(token);
  });
}

std::size_t TaskPool::pending() const {
  std::lock_guard lock(mutex_);
  return queue_.size();
}

std::size_t TaskPool::active() const {
  std::lock_guard lock(mutex_);
  return queue_.size() + running_;
}

void TaskPool::run() {
  for (;;) {
    std::function<void()> task;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping and drained
      task = std::move(queue_.front());
      queue_.pop_front();
      ++running_;
    }
    // Last-resort boundary: tasks that have a completion deliver their own exceptions to it (desk::Backend);
    // what reaches this point is logged so that the worker survives.
    log::runLoggingExceptions("task failed", task);
    task = nullptr;  // its captures are released before the task counts as finished
    std::lock_guard lock(mutex_);
    --running_;
  }
}

}  // namespace medpics::util
