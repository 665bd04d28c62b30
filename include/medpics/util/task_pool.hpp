// Fixed-size worker pool with cooperative cancellation; the GUI and the CLI run all slow work here.
#pragma once
#include "medpics/util/cancel.hpp"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace medpics::util {

class TaskPool {
 public:
  // threads 0: hardware concurrency (at least 2); niceness > 0 lowers the workers' priority (util/thread_priority).
  explicit TaskPool(unsigned threads = 0, int niceness = 0);
  ~TaskPool();  // finishes queued tasks' cancellation, joins
  TaskPool(const TaskPool&) = delete;
  TaskPool& operator=(const TaskPool&) = delete;

  void submit(std::function<void()> task);
  void submit(std::function<void(const CancelToken&)> task, CancelToken token);
  std::size_t pending() const;  // queued, not started
  std::size_t active() const;   // queued or running: the pool is idle when this is 0
  unsigned size() const { return static_cast<unsigned>(workers_.size()); }

 private:
  void run();
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> queue_;
  std::size_t running_ = 0;  // tasks taken off the queue and not finished yet
  std::vector<std::thread> workers_;
  bool stopping_ = false;
};

}  // namespace medpics::util
