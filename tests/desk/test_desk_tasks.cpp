// Desk task system: a job that throws reaches its completion with the error, running jobs count as busy, and a
// failing desk job (the RPPS directory import) leaves no flag stuck.
#include "backend.hpp"
#include "desk_harness.hpp"
#include "panels.hpp"

#include "support/wait_for.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <stdexcept>

using namespace medpics;
using namespace medpics::test;

namespace {
// Drains `ui` on this thread (as the window loop does) until `done` holds.
template <class Predicate>
bool pump(desk::MainQueue& ui, Predicate done, double seconds = 10) {
  return waitFor([&] {
    ui.drain();
    return done();
  }, seconds);
}
}  // namespace

TEST_CASE("backend: a job that throws reaches its completion with the error", "[tasks]") {
  desk::MainQueue ui;
  desk::Backend backend(ui, 2);
  std::optional<api::ApiError> callError, computeError;
  backend.call<api::Unit>([](api::PlatformClient&) -> api::Result<api::Unit> { throw std::runtime_error("disk full"); },
                          [&](const api::Result<api::Unit>& r) { callError = r.ok() ? api::ApiError{} : r.error(); });
  backend.compute<int>([]() -> int { throw std::out_of_range("index 7"); },
                       [&](api::Result<int>& r) { computeError = r.ok() ? api::ApiError{} : r.error(); });
  REQUIRE(pump(ui, [&] { return callError && computeError; }));
  CHECK(callError->code == "exception");
  CHECK(callError->message == "disk full");
  CHECK_FALSE(callError->retryable());  // a local failure is not retried as if the network had failed
  CHECK(computeError->code == "exception");
  CHECK(computeError->message == "index 7");
  CHECK(backend.busy() == 0);
}

TEST_CASE("backend: a job still running counts as busy", "[tasks]") {
  desk::MainQueue ui;
  desk::Backend backend(ui, 1);
  std::atomic<bool> started{false}, release{false};
  bool done = false;
  backend.compute<int>(
      [&] {
        started = true;
        while (!release) std::this_thread::sleep_for(std::chrono::milliseconds(2));
        return 1;
      },
      [&](api::Result<int>& r) { done = r.ok(); });
  REQUIRE(waitFor([&] { return started.load(); }, 10));
  CHECK(backend.busy() == 1);  // taken off the queue, not finished: the desk is still busy
  release = true;
  REQUIRE(pump(ui, [&] { return done; }));
  CHECK(backend.busy() == 0);
}

TEST_CASE("desk: a directory import that throws ends with an error and leaves no flag stuck", "[tasks]") {
  DeskHarness h(desk::DeskOptions{});
  // The index folder cannot be created: its parent is a regular file (std::filesystem throws on the worker).
  const auto blocker = h.dir.path() / "not-a-folder";
  std::ofstream(blocker) << "x";
  const auto extract = h.dir.path() / "extract.txt";
  std::ofstream(extract) << "header\n";
  const char* previous = std::getenv("MEDPICS_DATA");
  const std::string saved = previous ? previous : "";
  setenv("MEDPICS_DATA", (blocker / "data").c_str(), 1);
  h.desk->directoryImport.extractPath = extract.string();
  desk::startDirectoryImport(*h.desk);
  REQUIRE(h.desk->directoryImport.running);
  h.settle(20);
  if (previous) setenv("MEDPICS_DATA", saved.c_str(), 1); else unsetenv("MEDPICS_DATA");
  CHECK_FALSE(h.desk->directoryImport.running);
  CHECK(h.desk->directoryImport.failed);
  CHECK_FALSE(h.desk->busy());
  CHECK(h.errors().find("not-a-folder") != std::string::npos);
}
