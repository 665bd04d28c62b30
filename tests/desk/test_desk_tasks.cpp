// Desk task system: a job that throws reaches its completion with the error, running jobs count as busy, jobs against
// the real server complete on the UI thread while the credentials change, and a failing desk job (the RPPS
// directory import) leaves no flag stuck. Built with ThreadSanitizer in CI (scripts/test.sh).
#include "backend.hpp"
#include "desk_harness.hpp"
#include "window_data.hpp"
#include "task_manager.hpp"

#include "support/server_process.hpp"
#include "support/temp_dir.hpp"
#include "support/wait_for.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <stdexcept>
#include <thread>
#include <vector>

using namespace medpics;
using namespace medpics::test;

namespace {
// Drains `ui` on this thread (as the window loop does) until `done` holds.
template <class Predicate>
bool pump(desk::MainQueue& ui, Predicate done, double seconds = 10) {
  return waitFor(
      [&] {
        ui.drain();
        return done();
      },
      seconds);
}
}  // namespace

TEST_CASE("backend: a job that throws reaches its completion with the error", "[tasks]") {
  desk::MainQueue ui;
  desk::Backend backend(ui, 2);
  std::optional<api::ApiError> callError, computeError;
  backend.call<api::Unit>(
      {"throwing call"}, [](api::PlatformClient&) -> api::Result<api::Unit> { throw std::runtime_error("disk full"); },
      [&](const api::Result<api::Unit>& r) { callError = r.ok() ? api::ApiError{} : r.error(); });
  backend.compute<int>(
      {"throwing computation"}, [](desk::Task&) -> int { throw std::out_of_range("index 7"); },
      [&](api::Result<int>& r) { computeError = r.ok() ? api::ApiError{} : r.error(); });
  REQUIRE(pump(ui, [&] { return callError && computeError; }));
  CHECK(callError->code == "exception");
  CHECK(callError->message == "disk full");
  CHECK_FALSE(callError->retryable());  // a local failure is not retried as if the network had failed
  CHECK(computeError->code == "exception");
  CHECK(computeError->message == "index 7");
  CHECK(waitFor([&] { return backend.busy() == 0; }, 10));  // the worker counts itself out just after posting
}

TEST_CASE("backend: a job still running counts as busy", "[tasks]") {
  desk::MainQueue ui;
  desk::Backend backend(ui, 1);
  std::atomic<bool> started{false}, release{false};
  bool done = false;
  backend.compute<int>(
      {"long computation"},
      [&](desk::Task&) {
        started = true;
        while (!release) std::this_thread::sleep_for(std::chrono::milliseconds(2));
        return 1;
      },
      [&](api::Result<int>& r) { done = r.ok(); });
  REQUIRE(waitFor([&] { return started.load(); }, 10));
  CHECK(backend.busy() == 1);  // taken off the queue, not finished: the desk is still busy
  release = true;
  REQUIRE(pump(ui, [&] { return done; }));
  CHECK(waitFor([&] { return backend.busy() == 0; }, 10));
}

TEST_CASE("backend: jobs against the real server complete on the UI thread while the credentials change", "[tasks]") {
  TempDir data;
  ServerProcess server(data.path(), {"--demo-posts", "1", "--demo-size", "64x48"});
  std::string token;
  {
    api::PlatformClient login(server.url());
    auto session = login.login("modo", "modo-demo");
    REQUIRE(session.ok());
    token = session->token;
  }
  desk::MainQueue ui;
  desk::Backend backend(ui, 3);
  backend.setServer(server.url());
  const auto uiThread = std::this_thread::get_id();
  // Per job: what it should end with, and what it did (written on the UI thread only).
  enum class Expect { Me, Refused, Thrown, Sum };
  struct Job {
    Expect expect;
    int completions = 0;
    bool onUiThread = false;
    std::optional<api::Result<api::User>> me;
    std::optional<api::ApiError> error;
    long sum = 0;
  };
  std::vector<Job> jobs(24);
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    Job& job = jobs[i];
    // The token alternates every four jobs while earlier jobs are running: each job keeps the one it was given.
    backend.setToken(i / 4 % 2 == 0 ? token : std::string());
    auto finish = [&job, uiThread] {
      ++job.completions;
      job.onUiThread = std::this_thread::get_id() == uiThread;
    };
    switch (i % 3) {
      case 0:
        job.expect = i / 4 % 2 == 0 ? Expect::Me : Expect::Refused;
        backend.call<api::User>(
            {"me"}, [](api::PlatformClient& client) { return client.me(); },
            [&job, finish](const api::Result<api::User>& r) {
              job.me = r;
              finish();
            });
        break;
      case 1:
        job.expect = Expect::Thrown;
        backend.call<api::Unit>(
            {"health then throw"},
            [i](api::PlatformClient& client) -> api::Result<api::Unit> {
              if (!client.health()) return api::ApiError{0, "no_health", "the server did not answer"};
              throw std::runtime_error("job " + std::to_string(i) + " failed after its request");
            },
            [&job, finish](const api::Result<api::Unit>& r) {
              if (!r.ok()) job.error = r.error();
              finish();
            });
        break;
      default:
        job.expect = Expect::Sum;
        backend.compute<long>(
            {"sum"},
            [i](desk::Task&) {
              long sum = 0;
              for (long k = 0; k <= 100000 + long(i); ++k) sum += k;
              return sum;
            },
            [&job, finish](api::Result<long>& r) {
              if (r.ok()) job.sum = r.value();
              finish();
            });
    }
    ui.drain();  // earlier completions run while later jobs are being submitted
    CHECK(backend.server() == server.url());
  }
  REQUIRE(pump(
      ui, [&] { return std::all_of(jobs.begin(), jobs.end(), [](const Job& j) { return j.completions > 0; }); }, 60));
  CHECK(waitFor([&] { return backend.busy() == 0; }, 10));
  ui.drain();
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    const Job& job = jobs[i];
    INFO("job " << i);
    CHECK(job.completions == 1);
    CHECK(job.onUiThread);
    switch (job.expect) {
      case Expect::Me:
        REQUIRE(job.me);
        REQUIRE(job.me->ok());
        CHECK(job.me->value().username == "modo");
        break;
      case Expect::Refused:
        REQUIRE(job.me);
        REQUIRE_FALSE(job.me->ok());
        CHECK(job.me->error().httpStatus == 401);
        break;
      case Expect::Thrown:
        REQUIRE(job.error);
        CHECK(job.error->code == "exception");
        CHECK(job.error->message == "job " + std::to_string(i) + " failed after its request");
        break;
      case Expect::Sum: {
        const long n = 100000 + long(i);
        CHECK(job.sum == n * (n + 1) / 2);
        break;
      }
    }
  }
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
  if (previous)
    setenv("MEDPICS_DATA", saved.c_str(), 1);
  else
    unsetenv("MEDPICS_DATA");
  CHECK_FALSE(h.desk->directoryImport.running);
  CHECK(h.desk->directoryImport.failed);
  CHECK_FALSE(h.desk->busy());
  CHECK(h.errors().find("not-a-folder") != std::string::npos);
}

TEST_CASE("tasks: a task bound to the open item is cancelled and its completion dropped when the item changes",
          "[tasks]") {
  desk::MainQueue ui;
  desk::TaskManager tasks(ui, 2, 0);
  std::atomic<bool> started{false};
  int itemCompletions = 0, sessionCompletions = 0;
  bool sawCancel = false;
  tasks.run<int>(
      {"analysis", desk::TaskScope::Item},
      [&](desk::Task& task) -> api::Result<int> {
        started = true;
        while (!task.cancelled()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
        return 1;
      },
      [&](api::Result<int>&) { ++itemCompletions; });
  tasks.run<int>(
      {"queue", desk::TaskScope::Session}, [](desk::Task&) -> api::Result<int> { return 2; },
      [&](api::Result<int>& r) { sessionCompletions += r.ok() && r.value() == 2; });
  REQUIRE(waitFor([&] { return started.load(); }, 10));
  CHECK(tasks.active("analysis"));
  tasks.invalidate(desk::TaskScope::Item);  // another item opens: the analysis is asked to stop
  CHECK_FALSE(tasks.active("analysis"));    // what still runs belongs to the old item
  // A task of the new item started after the change completes normally.
  tasks.run<int>(
      {"analysis", desk::TaskScope::Item},
      [&](desk::Task& task) -> api::Result<int> {
        sawCancel = task.cancelled();
        return 3;
      },
      [&](api::Result<int>& r) { itemCompletions += r.ok() && r.value() == 3 ? 10 : 100; });
  REQUIRE(pump(ui, [&] { return tasks.busy() == 0; }));
  CHECK(itemCompletions == 10);  // the stale completion was dropped, the new one ran once
  CHECK(sessionCompletions == 1);
  CHECK_FALSE(sawCancel);
}

TEST_CASE("tasks: named tasks report their progress, running counts as busy, cancel reaches the job", "[tasks]") {
  desk::MainQueue ui;
  desk::TaskManager tasks(ui, 1, 0);
  std::atomic<bool> halfway{false};
  std::optional<api::Result<std::string>> outcome;
  const auto id = tasks.run<std::string>(
      {"import"},
      [&](desk::Task& task) -> api::Result<std::string> {
        task.setProgress(0.5);
        halfway = true;
        while (!task.cancelled()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
        return std::string("stopped at ") + std::to_string(task.progress());
      },
      [&](api::Result<std::string>& r) { outcome = r; });
  REQUIRE(waitFor([&] { return halfway.load(); }, 10));
  const auto list = tasks.tasks();
  REQUIRE(list.size() == 1);
  CHECK(list[0].id == id);
  CHECK(list[0].name == "import");
  CHECK(list[0].running);
  CHECK(list[0].progress == 0.5);
  CHECK(tasks.busy() == 1);
  tasks.cancel(id);
  REQUIRE(pump(ui, [&] { return outcome.has_value(); }));
  REQUIRE(outcome->ok());
  CHECK(outcome->value() == "stopped at 0.500000");  // a cancelled (Session) task still reaches its completion
  CHECK(tasks.busy() == 0);
  CHECK(tasks.tasks().empty());
}

TEST_CASE("tasks: an item task that throws is dropped like any stale result, a current one gets the error", "[tasks]") {
  desk::MainQueue ui;
  desk::TaskManager tasks(ui, 2, 0);
  std::optional<api::ApiError> error;
  tasks.run<int>(
      {"publication check", desk::TaskScope::Item},
      [](desk::Task&) -> api::Result<int> { throw std::runtime_error("encoder failed"); },
      [&](api::Result<int>& r) { error = r.ok() ? api::ApiError{} : r.error(); });
  REQUIRE(pump(ui, [&] { return tasks.busy() == 0; }));
  REQUIRE(error);
  CHECK(error->code == "exception");
  CHECK(error->message == "encoder failed");
}

TEST_CASE("desk: a publication check that fails ends the publishing state with the error, nothing is journalled",
          "[tasks]") {
  TempDir data;
  ServerProcess server(data.path(), {"--demo-posts", "1", "--demo-size", "64x48"});
  desk::DeskOptions options;
  options.serverUrl = server.url();
  options.username = "modo";
  options.password = "modo-demo";
  DeskHarness h(options, R"({"prefetch_depth": 0})");
  h.settle(30);
  INFO(h.errors());
  REQUIRE(h.desk->session);
  CHECK_FALSE(h.desk->loggingIn);  // the sign-in task completed and reset its flag
  REQUIRE(h.desk->outbox());
  // A post whose pixels the publisher refuses (4 channels: "expected 8-bit BGR pixels"), everything else ready.
  auto& post = h.desk->post.emplace();
  post.detail.id = "p-local";
  api::ImageRef ref;
  ref.id = "i-local";
  ref.contentType = "image/png";
  post.images.emplace_back(ref);
  post.images.back().show(std::make_shared<cv::Mat>(48, 64, CV_8UC4, cv::Scalar(9, 9, 9, 255)), {});
  post.images.back().analysis = desk::LoadedImage::Analysis::Done;
  h.desk->tick(0);
  REQUIRE(h.desk->post->state.phase() == desk::ItemPhase::Reviewing);
  h.desk->approvePost();
  CHECK(h.desk->post->state.phase() == desk::ItemPhase::Publishing);
  CHECK_FALSE(h.desk->canDecide(desk::DecisionKind::Other));  // no second decision while publishing
  h.settle(30);
  REQUIRE(h.desk->post);
  CHECK(h.desk->post->state.phase() == desk::ItemPhase::Reviewing);  // not stuck in "sending"
  CHECK(h.desk->canDecide(desk::DecisionKind::Publish));
  CHECK(h.errors().find("expected 8-bit BGR pixels") != std::string::npos);
  CHECK(h.desk->decisionsQueued == 0);
  CHECK_FALSE(h.desk->busy());
  h.desk->post.reset();
}
