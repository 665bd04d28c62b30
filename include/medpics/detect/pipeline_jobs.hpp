// Job queue of one analysis shared by the pipeline's workers: jobs may add jobs, and a job waiting for the jobs it
// added runs queued ones meanwhile, so both workers stay busy from one stage to the next (no idle barrier).
#pragma once
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>

namespace medpics::detect {

class JobQueue {
 public:
  // Counts the unfinished jobs of one fan-out (see waitFor).
  struct Group {
    std::size_t remaining = 0;
  };

  // Queues a job; when `group` is given the job counts towards it until it has finished.
  void push(std::function<void()> job, Group* group = nullptr);
  // Runs queued jobs until every job pushed so far, and every job those jobs pushed, has finished. Each worker of the
  // analysis calls it once.
  void work();
  // Inside a job: runs queued jobs (any of them) until the jobs of `group` have finished.
  void waitFor(Group& group);
  // Runs `count` calls of body(i) as jobs and waits for them (helping meanwhile); from inside a job or not.
  void parallelFor(std::size_t count, const std::function<void(std::size_t)>& body);
  // The first exception a job threw (jobs after it still run); null when none.
  std::exception_ptr failure() const;

 private:
  struct Item {
    std::function<void()> job;
    Group* group = nullptr;
  };
  void run(Item item);

  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Item> queue_;
  std::size_t pending_ = 0;  // pushed and not finished
  std::exception_ptr failure_;
};

}  // namespace medpics::detect
