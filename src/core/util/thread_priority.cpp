// Per-thread priority: niceness through setpriority(PRIO_PROCESS, tid), background work under SCHED_IDLE.
#include "medpics/util/thread_priority.hpp"

#include <sched.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace medpics::util {

bool setCurrentThreadNiceness(int niceness) {
  if (niceness == 0) return true;
  if (niceness >= kBackgroundNiceness) {
    sched_param none{};
    if (sched_setscheduler(0, SCHED_IDLE, &none) == 0) return true;  // 0 = the calling thread
  }
  const auto tid = static_cast<id_t>(syscall(SYS_gettid));
  return setpriority(PRIO_PROCESS, tid, niceness) == 0;
}

}  // namespace medpics::util
