// Per-thread niceness through setpriority(PRIO_PROCESS, tid) (Linux applies it to one thread).
#include "medpics/work/thread_priority.hpp"

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace medpics::work {

bool setCurrentThreadNiceness(int niceness) {
  if (niceness == 0) return true;
  const auto tid = static_cast<id_t>(syscall(SYS_gettid));
  return setpriority(PRIO_PROCESS, tid, niceness) == 0;
}

}  // namespace medpics::work
