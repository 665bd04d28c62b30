// Cooperative cancellation token: a shared flag that long work (analysis, detectors, tasks) polls to stop early.
#pragma once
#include <atomic>
#include <memory>

namespace medpics::util {

// Copies share one flag; cancelling never interrupts a task forcibly.
class CancelToken {
 public:
  CancelToken() : flag_(std::make_shared<std::atomic<bool>>(false)) {}
  void cancel() const { flag_->store(true); }
  bool cancelled() const { return flag_->load(); }

 private:
  std::shared_ptr<std::atomic<bool>> flag_;
};

}  // namespace medpics::util
