// Job queue of one analysis: a FIFO queue, a count of unfinished jobs, groups waited on while helping.
#include "medpics/detect/pipeline_jobs.hpp"

namespace medpics::detect {

void JobQueue::push(std::function<void()> job, Group* group) {
  std::lock_guard lock(mutex_);
  ++pending_;
  if (group) ++group->remaining;
  queue_.push_back({std::move(job), group});
  changed_.notify_all();
}

void JobQueue::run(Item item) {
  std::exception_ptr error;
  try {
    item.job();
  } catch (...) {
    error = std::current_exception();
  }
  std::lock_guard lock(mutex_);
  if (error && !failure_) failure_ = error;
  --pending_;
  if (item.group) --item.group->remaining;
  changed_.notify_all();
}

void JobQueue::work() {
  for (;;) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return !queue_.empty() || pending_ == 0; });
    if (queue_.empty()) return;  // pending_ == 0: everything has finished
    Item item = std::move(queue_.front());
    queue_.pop_front();
    lock.unlock();
    run(std::move(item));
  }
}

void JobQueue::waitFor(Group& group) {
  for (;;) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return group.remaining == 0 || !queue_.empty(); });
    if (group.remaining == 0) return;
    Item item = std::move(queue_.front());
    queue_.pop_front();
    lock.unlock();
    run(std::move(item));
  }
}

void JobQueue::parallelFor(std::size_t count, const std::function<void(std::size_t)>& body) {
  Group group;
  for (std::size_t i = 0; i < count; ++i) push([&body, i] { body(i); }, &group);
  waitFor(group);
}

std::exception_ptr JobQueue::failure() const {
  std::lock_guard lock(mutex_);
  return failure_;
}

}  // namespace medpics::detect
