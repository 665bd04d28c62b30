// Unit tests of core utilities: sha256, secret redaction in logs, task pool, thread priorities.
#include "medpics/util/log.hpp"
#include "medpics/util/sha256.hpp"
#include "medpics/util/task_pool.hpp"
#include "medpics/util/thread_priority.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <thread>

#include <sched.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

using namespace medpics;

TEST_CASE("sha256 of known vectors") {
  CHECK(sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("log redaction hides bearer tokens and passwords") {
  const std::string text = R"(Authorization: Bearer abc.DEF-123 body {"username":"modo","password":"s3cret"})";
  const std::string safe = log::redactSecrets(text);
  CHECK(safe.find("abc.DEF-123") == std::string::npos);
  CHECK(safe.find("s3cret") == std::string::npos);
  CHECK(safe.find("modo") != std::string::npos);
}

TEST_CASE("task pool runs every task and honours cancellation") {
  std::atomic<int> done{0};
  util::CancelToken cancelled;
  cancelled.cancel();
  {
    util::TaskPool pool(2);
    for (int i = 0; i < 100; ++i) pool.submit([&] { ++done; });
    pool.submit([&](const util::CancelToken&) { done += 1000; }, cancelled);
  }
  CHECK(done == 100);
}

TEST_CASE("thread priorities: workers are niced, background threads are SCHED_IDLE, the caller is untouched") {
  const int callerPolicy = sched_getscheduler(0);
  auto inThread = [](int niceness) {
    std::pair<int, int> seen;  // policy, niceness
    std::thread([&] {
      CHECK(util::setCurrentThreadNiceness(niceness));
      seen = {sched_getscheduler(0), getpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)))};
    }).join();
    return seen;
  };
  const auto worker = inThread(util::kWorkerNiceness);
  CHECK(worker.first == SCHED_OTHER);
  CHECK(worker.second == util::kWorkerNiceness);
  const auto background = inThread(util::kBackgroundNiceness);
  CHECK(background.first == SCHED_IDLE);
  CHECK(sched_getscheduler(0) == callerPolicy);  // per thread, not per process
}
