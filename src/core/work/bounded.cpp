// runBounded: a detached worker signals completion through shared state that outlives the caller.
#include "medpics/work/bounded.hpp"

#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

namespace medpics::work {

bool runBounded(std::function<void()> job, std::chrono::milliseconds timeout) {
  struct State {
    std::mutex mutex;
    std::condition_variable done;
    bool finished = false;
  };
  auto state = std::make_shared<State>();
  std::thread([state, job = std::move(job)] {
    job();
    std::lock_guard lock(state->mutex);
    state->finished = true;
    state->done.notify_all();
  }).detach();
  std::unique_lock lock(state->mutex);
  return state->done.wait_for(lock, timeout, [&] { return state->finished; });
}

}  // namespace medpics::work
