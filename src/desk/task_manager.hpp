// The desk's one task system (in the manner of ImHex's TaskManager): named background tasks with progress and
// cooperative cancellation, whose result or exception reaches one completion on the UI thread, stale ones dropped.
#pragma once
#include "main_queue.hpp"

#include "medpics/api/result.hpp"
#include "medpics/util/cancel.hpp"
#include "medpics/util/task_pool.hpp"

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace medpics::desk {

// What a task's result belongs to. A task bound to a scope is cancelled and its completion dropped when that scope
// changes (`TaskManager::invalidate`) before the completion runs: the one place where stale results are dropped.
enum class TaskScope {
  Session,  // completes whatever happens meanwhile (sign-in, queue, lease release, import)
  Item,     // the open post or registration: claim, decode, analysis, publication check, lease renewal
  History,  // the history window's current listing: thumbnails, evidence
};
inline constexpr std::size_t kTaskScopes = 3;

struct TaskSpec {
  std::string name;  // what the task does, for the task list and the logs ("analysis", "claim"…)
  TaskScope scope = TaskScope::Session;
};

// What a running job sees of its task.
class Task {
 public:
  Task(std::string name, util::CancelToken cancel) : name_(std::move(name)), cancel_(std::move(cancel)) {}
  const std::string& name() const { return name_; }
  void setProgress(double fraction) { progress_.store(fraction); }  // 0..1, any thread
  double progress() const { return progress_.load(); }
  bool cancelled() const { return cancel_.cancelled(); }
  const util::CancelToken& cancelToken() const { return cancel_; }

 private:
  std::string name_;
  util::CancelToken cancel_;
  std::atomic<double> progress_{0.0};
};

class TaskManager {
 public:
  // One entry of the task list (UI thread).
  struct Info {
    std::uint64_t id = 0;
    std::string name;
    TaskScope scope = TaskScope::Session;
    double progress = 0;
    bool running = false;  // taken by a worker (else queued, or its completion is waiting for the UI thread)
    bool cancelled = false;
  };

  TaskManager(MainQueue& ui, unsigned threads, int niceness) : ui_(ui), pool_(threads, niceness) {}
  TaskManager(const TaskManager&) = delete;
  TaskManager& operator=(const TaskManager&) = delete;

  // Runs job on a worker; done runs on the UI thread with its value, or with the job's exception as an error (code
  // "exception", not retryable), exactly once, unless the task's scope changed since run() (then it is dropped and
  // the job was asked to stop). Returns the task's id.
  template <class T>
  std::uint64_t run(TaskSpec spec, std::function<api::Result<T>(Task&)> job,
                    std::function<void(api::Result<T>&)> done) {
    auto entry = add(std::move(spec));
    pool_.submit([this, entry, job = std::move(job), done = std::move(done)]() mutable {
      entry->running.store(true);
      auto result = std::make_shared<api::Result<T>>(guarded<T>([&] { return job(entry->task); }));
      job = nullptr;  // its captures are released on the worker
      ui_.post([this, entry, result, done = std::move(done)] {
        if (finish(*entry)) done(*result);
      });
    });
    return entry->id;
  }

  // A report from a thread of its own (the prefetcher's progress, the outbox sender's changes), applied on the UI
  // thread by the same queue as the completions.
  void report(std::function<void()> apply) { ui_.post(std::move(apply)); }

  // UI thread: the scope's results are stale from now on; its running tasks are asked to stop.
  void invalidate(TaskScope scope);
  void cancel(std::uint64_t id);  // asks a task to stop (its completion still runs, with whatever it returned)
  bool active(const std::string& name) const;  // a task of that name not finished, in its current scope
  std::vector<Info> tasks() const;             // oldest first
  // Tasks not finished: queued, running, or with a completion still to run on the UI thread.
  std::size_t busy() const;

 private:
  struct Entry {
    std::uint64_t id = 0;
    TaskScope scope = TaskScope::Session;
    int epoch = 0;  // the scope's epoch when started (UI thread only)
    Task task;
    std::atomic<bool> running{false};
    Entry(std::uint64_t i, TaskScope s, int e, std::string name)
        : id(i), scope(s), epoch(e), task(std::move(name), util::CancelToken{}) {}
  };
  std::shared_ptr<Entry> add(TaskSpec spec);
  bool finish(const Entry& entry);  // removes it from the list; false when its scope changed

  // The thread boundary of a task: an exception becomes the task's error result.
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

  MainQueue& ui_;
  mutable std::mutex mutex_;
  std::list<std::shared_ptr<Entry>> entries_;  // under mutex_
  std::uint64_t nextId_ = 1;                   // under mutex_
  std::array<int, kTaskScopes> epochs_{};      // UI thread only
  util::TaskPool pool_;                        // last member: joined first on destruction
};

}  // namespace medpics::desk
