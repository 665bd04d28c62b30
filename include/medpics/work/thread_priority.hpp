// Scheduling priority of background threads: the UI thread must win the CPU over background work.
#pragma once

namespace medpics::work {

// Niceness of the calling thread only (Linux threads have their own); 0 leaves it. Best effort: false when refused.
bool setCurrentThreadNiceness(int niceness);

constexpr int kWorkerNiceness = 5;      // work the user waits for (the open item's download, decode, analysis)
constexpr int kBackgroundNiceness = 10;  // work ahead of the user (prefetch, outbox)

}  // namespace medpics::work
