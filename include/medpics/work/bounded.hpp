// Runs a blocking job with a time limit: waits at most `timeout`, then lets the job finish on its own thread.
#pragma once
#include <chrono>
#include <functional>

namespace medpics::work {

// Runs `job` on a new thread and waits up to `timeout`. Returns true when it finished in time; otherwise the
// thread is detached and keeps running (the job must own everything it touches, e.g. through shared_ptr).
bool runBounded(std::function<void()> job, std::chrono::milliseconds timeout);

}  // namespace medpics::work
