// Local file inputs: only regular files are read, their size is checked from fstat before reading, and a FIFO,
// a device or a directory is refused at once (no blocking open, no read of /dev/zero until memory runs out).
#include "medpics/creds/directory.hpp"
#include "medpics/util/file.hpp"

#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <functional>
#include <future>
#include <memory>
#include <thread>

using namespace medpics;

namespace {
// Runs `f` with a 3 s bound on a detached thread; a FIFO open that blocks is released by opening the FIFO for
// writing, and a read that never ends (a device) is abandoned, so that the test fails instead of hanging.
template <class F>
auto bounded(F f, const std::filesystem::path& fifo = {}) -> decltype(f()) {
  auto task = std::make_shared<std::packaged_task<decltype(f())()>>(std::move(f));
  auto result = task->get_future();
  std::thread([task] { (*task)(); }).detach();
  const bool inTime = result.wait_for(std::chrono::seconds(3)) == std::future_status::ready;
  if (!inTime && !fifo.empty()) {
    const int w = ::open(fifo.c_str(), O_WRONLY | O_NONBLOCK);
    if (w >= 0) ::close(w);
  }
  CHECK(inTime);
  if (!inTime && result.wait_for(std::chrono::seconds(1)) != std::future_status::ready) return {};
  return result.get();
}
}  // namespace

TEST_CASE("readFile refuses a directory, a FIFO and a device at once, with a clear reason", "[file-inputs]") {
  test::TempDir dir;
  const auto fifo = dir.path() / "pipe";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  struct Case {
    std::filesystem::path path;
    std::string reason;
  };
  for (const Case& c : {Case{dir.path(), "is a directory"}, Case{fifo, "not a regular file (FIFO, device or socket)"},
                        Case{"/dev/zero", "not a regular file (FIFO, device or socket)"},
                        Case{"/dev/urandom", "not a regular file (FIFO, device or socket)"}}) {
    INFO(c.path);
    const auto [read, reason] = bounded(
        [p = c.path] {
          std::string error;
          auto bytes = util::readFile(p, &error);
          return std::pair{bytes.has_value(), error};
        },
        fifo);
    CHECK_FALSE(read);
    CHECK(reason == c.reason);
  }
}

TEST_CASE("readFile checks the size from fstat before reading a byte", "[file-inputs]") {
  test::TempDir dir;
  const auto big = dir.path() / "big.jpg";
  { std::ofstream out(big); }
  REQUIRE(::truncate(big.c_str(), 1ll << 30) == 0);  // 1 GiB, sparse: reading it would take 1 GiB of memory
  std::string error;
  const auto started = std::chrono::steady_clock::now();
  CHECK_FALSE(util::readFile(big, &error, util::kMaxImageFileBytes));
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::milliseconds(200));
  CHECK(error == "file too large: 1073741824 bytes (limit 209715200)");
  std::ofstream(dir.path() / "small.bin") << "abc";
  CHECK(util::readFile(dir.path() / "small.bin", &error) == std::optional<std::string>("abc"));
}

TEST_CASE("the directory import refuses a FIFO or a directory at once with a typed reason", "[file-inputs]") {
  test::TempDir dir;
  const auto fifo = dir.path() / "extract.txt";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  for (const auto& [path, problem] :
       {std::pair{fifo, util::FileProblem::NotRegular}, std::pair{dir.path(), util::FileProblem::IsDirectory}}) {
    INFO(path);
    const auto got = bounded(
        [p = path, db = dir.path() / "index.sqlite"] {
          try {
            creds::importExtract(p, db, {});
          } catch (const util::FileError& e) {
            return e.problem;
          } catch (...) {}
          return util::FileProblem::None;
        },
        fifo);
    CHECK(got == problem);
  }
}
