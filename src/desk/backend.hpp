// Platform calls and CPU work as tasks of the desk's TaskManager: each platform call gets its own client.
#pragma once
#include "main_queue.hpp"
#include "task_manager.hpp"

#include "medpics/api/platform_client.hpp"
#include "medpics/util/thread_priority.hpp"

#include <functional>
#include <memory>
#include <mutex>
#include <string>

namespace medpics::desk {

class Backend {
 public:
  explicit Backend(MainQueue& ui, unsigned threads = 3) : tasks_(ui, threads, util::kWorkerNiceness) {}

  void setServer(std::string url);
  void setToken(std::string token);
  std::string server() const;
  // Told on the UI thread after each platform call whether the platform answered (any HTTP answer) or could not be
  // reached (a transport failure), with the technical detail. Set once, before the first call.
  void setReachability(std::function<void(bool reachable, const std::string& detail)> reachability) {
    reachability_ = std::move(reachability);
  }

  // job runs on a worker with its own PlatformClient, as a task of the TaskManager; done runs on the UI thread with
  // the result (a job that throws: code "exception", the exception's message), exactly once unless the task's scope
  // changed meanwhile (then it is dropped).
  template <class T>
  std::uint64_t call(TaskSpec spec, std::function<api::Result<T>(api::PlatformClient&)> job,
                     std::function<void(const api::Result<T>&)> done) {
    auto [url, token] = credentials();
    return tasks_.run<T>(
        std::move(spec),
        [url, token, job = std::move(job)](Task&) {
          api::PlatformClient client(url, token);
          return job(client);
        },
        [this, done = std::move(done)](api::Result<T>& result) {
          if (reachability_) {
            const bool unreachable = !result.ok() && result.error().transport() && result.error().code != "exception";
            reachability_(!unreachable, unreachable ? result.error().describe() : std::string());
          }
          done(result);
        });
  }

  // Any CPU work on a worker (the job polls its task for cancellation and reports progress), result or exception
  // delivered on the UI thread.
  template <class T>
  std::uint64_t compute(TaskSpec spec, std::function<T(Task&)> job, std::function<void(api::Result<T>&)> done) {
    return tasks_.run<T>(
        std::move(spec), [job = std::move(job)](Task& task) -> api::Result<T> { return job(task); }, std::move(done));
  }

  TaskManager& tasks() { return tasks_; }
  const TaskManager& tasks() const { return tasks_; }
  // Tasks queued, running or with a completion still to run (a job still running counts: the UI keeps animating
  // and tests keep waiting).
  std::size_t busy() const { return tasks_.busy(); }

 private:
  std::pair<std::string, std::string> credentials() const;
  mutable std::mutex mutex_;
  std::string url_, token_;
  std::function<void(bool, const std::string&)> reachability_;
  TaskManager tasks_;  // last member: its workers are joined first on destruction
};

}  // namespace medpics::desk
