// Resilience of the durable outbox against the real server's fault injection: 200 scripted decisions under 20 %
// failures, a kill -9 of the uploading process, a server restart during uploads — each applied exactly once.
#include "support/wait_for.hpp"
#include "api_support.hpp"

#include "medpics/work/outbox.hpp"

#include <catch2/catch.hpp>

#include <csignal>
#include <fcntl.h>
#include <fstream>
#include <set>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace medpics;
using namespace medpics::test;

namespace {
constexpr int kDecisions = 200;

// A server data directory with 200 small pending posts, seeded once per build and copied.
struct BigSandbox {
  BigSandbox() { copySeededDemo(dir.path() / "data", {"--demo-posts", "200"}, "api-demo-200"); }
  TempDir dir;
  std::filesystem::path data() const { return dir.path() / "data"; }
  std::filesystem::path journal() const { return dir.path() / "desk/outbox.db"; }
};

// `medpics decide-batch` as a child process writing its output to a file.
class Batch {
 public:
  Batch(const std::string& url, const std::filesystem::path& journal, const std::filesystem::path& log) : log_(log) {
    const std::vector<std::string> args{std::string(MEDPICS_BIN_DIR) + "/medpics",
                                        "decide-batch",
                                        "--server",
                                        url,
                                        "--user",
                                        "modo",
                                        "--password",
                                        "modo-demo",
                                        "--journal",
                                        journal.string(),
                                        "--count",
                                        std::to_string(kDecisions),
                                        "--timeout",
                                        "100",
                                        "--backoff",
                                        "0.1"};
    pid_ = fork();
    if (pid_ == 0) {
      const int fd = ::open(log.c_str(), O_CREAT | O_WRONLY | O_APPEND, 0600);
      dup2(fd, 1);
      dup2(fd, 2);
      std::vector<char*> argv;
      for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
      argv.push_back(nullptr);
      execv(argv[0], argv.data());
      _exit(127);
    }
  }
  ~Batch() {
    if (pid_ > 0) kill9();
  }
  int journalled() const {
    std::ifstream in(log_);
    int n = 0;
    for (std::string line; std::getline(in, line);) n += line.rfind("journalled ", 0) == 0;
    return n;
  }
  void kill9() {
    ::kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
    pid_ = -1;
  }
  int wait() {
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  std::string output() const {
    std::ifstream in(log_);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }

 private:
  std::filesystem::path log_;
  pid_t pid_ = -1;
};

// What the server recorded: every decision of the moderator, by subject, and the posts still pending.
struct ServerTally {
  int decisions = 0;
  std::multiset<std::string> subjects;
  int pending = -1;
  int approved = 0;
};

ServerTally tally(const std::string& url) {
  auto admin = loginAs(url, "admin");
  ServerTally t;
  std::string cursor;
  do {
    auto page =
        admin.decisions("subject_type=post&decided_by=modo&limit=100" + (cursor.empty() ? "" : "&cursor=" + cursor));
    REQUIRE(page.ok());
    for (const auto& d : page->items) {
      ++t.decisions;
      t.subjects.insert(d.subjectId);
      t.approved += d.action == "approve";
    }
    cursor = page->nextCursor;
  } while (!cursor.empty());
  auto pending = admin.listPosts("pending", 1);
  REQUIRE(pending.ok());
  t.pending = pending->total;
  return t;
}

// Counted on the same data directory served without fault injection (the faulty server is stopped first).
void requireExactlyOnce(const std::filesystem::path& data) {
  ServerProcess clean(data);
  const ServerTally t = tally(clean.url());
  CHECK(t.decisions == kDecisions);
  CHECK(std::set<std::string>(t.subjects.begin(), t.subjects.end()).size() == kDecisions);
  CHECK(t.pending == 0);
  CHECK(t.approved == kDecisions / 4);  // every fourth decision is an approval with masked uploads
}

void requireJournalComplete(const std::filesystem::path& journal) {
  work::Outbox outbox(journal);
  const auto c = outbox.counts();
  CHECK(c.sent == kDecisions);
  CHECK(c.pending == 0);
  CHECK(c.failed == 0);
}
}  // namespace

TEST_CASE("resilience: 200 decisions under 20 % failures (503 and dropped answers) are applied exactly once") {
  BigSandbox sb;
  int code = -1;
  {
    ServerProcess server(sb.data(), {"--fail-rate", "0.1", "--drop-rate", "0.1"});
    Batch batch(server.url(), sb.journal(), sb.dir.path() / "batch.log");
    code = batch.wait();
    INFO(batch.output());
    CHECK(code == 0);
  }
  requireJournalComplete(sb.journal());
  requireExactlyOnce(sb.data());
}

TEST_CASE("resilience: kill -9 during uploads, then a restart, applies each of the 200 decisions exactly once") {
  BigSandbox sb;
  auto server = std::make_unique<ServerProcess>(
      sb.data(), std::vector<std::string>{"--latency-ms", "10", "--fail-rate", "0.1", "--drop-rate", "0.1"});
  {
    Batch first(server->url(), sb.journal(), sb.dir.path() / "first.log");
    REQUIRE(waitFor([&] { return first.journalled() >= 80; }, 60));
    // Kill while the journal holds decisions that were not acknowledged yet.
    const bool unacknowledged = waitFor([&] { return work::Outbox(sb.journal()).counts().pending > 0; }, 10);
    first.kill9();
    CHECK(unacknowledged);
  }
  const auto atKill = work::Outbox(sb.journal()).counts();
  INFO("after kill: sent " << atKill.sent << ", pending " << atKill.pending);
  CHECK(atKill.sent < kDecisions);
  Batch second(server->url(), sb.journal(), sb.dir.path() / "second.log");
  const int code = second.wait();
  INFO(second.output());
  CHECK(code == 0);
  server.reset();
  requireJournalComplete(sb.journal());
  requireExactlyOnce(sb.data());
}

TEST_CASE("resilience: a server restart during uploads loses nothing and applies nothing twice") {
  BigSandbox sb;
  auto server =
      std::make_unique<ServerProcess>(sb.data(), std::vector<std::string>{"--latency-ms", "5", "--drop-rate", "0.1"});
  const int port = server->port();
  Batch batch(server->url(), sb.journal(), sb.dir.path() / "batch.log");
  REQUIRE(waitFor([&] { return batch.journalled() >= 60; }, 60));
  server->stop(true);  // a crash of the server: kill -9 while requests are in flight
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  server = std::make_unique<ServerProcess>(
      sb.data(), std::vector<std::string>{"--latency-ms", "5", "--drop-rate", "0.1", "--port", std::to_string(port)});
  const int code = batch.wait();
  INFO(batch.output());
  CHECK(code == 0);
  server.reset();
  requireJournalComplete(sb.journal());
  requireExactlyOnce(sb.data());
}
