// Runs platform calls and decoding on worker threads and delivers results on the UI thread.
#pragma once
#include "main_queue.hpp"

#include "medpics/api/platform_client.hpp"
#include "medpics/util/task_pool.hpp"
#include "medpics/util/thread_priority.hpp"

#include <functional>
#include <memory>
#include <mutex>
#include <string>

namespace medpics::desk {

class Backend {
 public:
  explicit Backend(MainQueue& ui, unsigned threads = 3) : ui_(ui), pool_(threads, util::kWorkerNiceness) {}

  void setServer(std::string url);
  void setToken(std::string token);
  std::string server() const;
  // Told on the UI thread after each platform call whether the platform answered (any HTTP answer) or could not be
  // reached (a transport failure), with the technical detail. Set once, before the first call.
  void setReachability(std::function<void(bool reachable, const std::string& detail)> reachability) {
    reachability_ = std::move(reachability);
  }

  // job runs on a worker with its own PlatformClient; done runs on the UI thread with the result. A job that throws
  // reaches `done` as an error (code "exception", the exception's message): every completion runs exactly once.
  template <class T>
  void call(std::function<api::Result<T>(api::PlatformClient&)> job, std::function<void(const api::Result<T>&)> done) {
    auto [url, token] = credentials();
    pool_.submit([this, url, token, job = std::move(job), done = std::move(done)] {
      auto result = std::make_shared<api::Result<T>>(guarded<T>([&] {
        api::PlatformClient client(url, token);
        return job(client);
      }));
      ui_.post([this, done, result] {
        if (reachability_) {
          const bool unreachable = !result->ok() && result->error().transport() && result->error().code != "exception";
          reachability_(!unreachable, unreachable ? result->error().describe() : std::string());
        }
        done(*result);
      });
    });
  }

  // Any CPU work on a worker, result (or the job's exception, as an error) delivered on the UI thread.
  template <class T>
  void compute(std::function<T()> job, std::function<void(api::Result<T>&)> done) {
    pool_.submit([this, job = std::move(job), done = std::move(done)] {
      auto result = std::make_shared<api::Result<T>>(guarded<T>([&]() -> api::Result<T> { return job(); }));
      ui_.post([done, result] { done(*result); });
    });
  }

  // Jobs queued or running (a job still running counts: the UI keeps animating and tests keep waiting).
  std::size_t busy() const { return pool_.active(); }

 private:
  // The thread boundary of a backend job: an exception becomes the job's error result.
  template <class T, class F>
  static api::Result<T> guarded(F&& f) {
    try {
      return f();
    } catch (const std::exception& e) {
      return api::ApiError{0, "exception", e.what()};
    } catch (...) {
      return api::ApiError{0, "exception", "unknown exception"};
    }
  }
  std::pair<std::string, std::string> credentials() const;
  MainQueue& ui_;
  mutable std::mutex mutex_;
  std::string url_, token_;
  std::function<void(bool, const std::string&)> reachability_;
  util::TaskPool pool_;  // last member: joined first on destruction
};

}  // namespace medpics::desk
