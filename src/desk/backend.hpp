// Runs platform calls and decoding on worker threads and delivers results on the UI thread.
#pragma once
#include "main_queue.hpp"

#include "medpics/api/platform_client.hpp"
#include "medpics/work/task_pool.hpp"
#include "medpics/work/thread_priority.hpp"

#include <functional>
#include <memory>
#include <mutex>
#include <string>

namespace medpics::desk {

class Backend {
 public:
  explicit Backend(MainQueue& ui, unsigned threads = 3) : ui_(ui), pool_(threads, work::kWorkerNiceness) {}

  void setServer(std::string url);
  void setToken(std::string token);
  std::string server() const;

  // job runs on a worker with its own PlatformClient; done runs on the UI thread with the result.
  template <class T>
  void call(std::function<api::Result<T>(api::PlatformClient&)> job, std::function<void(const api::Result<T>&)> done) {
    auto [url, token] = credentials();
    pool_.submit([this, url, token, job = std::move(job), done = std::move(done)] {
      api::PlatformClient client(url, token);
      auto result = std::make_shared<api::Result<T>>(job(client));
      ui_.post([done, result] { done(*result); });
    });
  }

  // Any CPU work on a worker, result delivered on the UI thread.
  template <class T>
  void compute(std::function<T()> job, std::function<void(T&)> done) {
    pool_.submit([this, job = std::move(job), done = std::move(done)] {
      auto result = std::make_shared<T>(job());
      ui_.post([done, result] { done(*result); });
    });
  }

  std::size_t busy() const { return pool_.pending(); }

 private:
  std::pair<std::string, std::string> credentials() const;
  MainQueue& ui_;
  mutable std::mutex mutex_;
  std::string url_, token_;
  work::TaskPool pool_;  // last member: joined first on destruction
};

}  // namespace medpics::desk
