// Scheduling priority of background threads: the UI thread must win the CPU over background work.
#pragma once

namespace medpics::util {

// Niceness of the calling thread only (Linux threads have their own); 0 leaves it. From kBackgroundNiceness up the
// thread goes to SCHED_IDLE instead: it runs only on CPU time no other thread wants, so that work ahead of the user
// never delays a frame (a thread cannot leave SCHED_IDLE without CAP_SYS_NICE: use it for threads that only ever
// do such work). Best effort: false when refused.
bool setCurrentThreadNiceness(int niceness);

constexpr int kWorkerNiceness = 5;       // work the user waits for (the open item's download, decode, analysis)
constexpr int kBackgroundNiceness = 10;  // work ahead of the user (prefetch download/decode/tiles, outbox sender)

}  // namespace medpics::util
