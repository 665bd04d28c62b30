// The CLI's file inputs: a directory, a FIFO or a device is refused at once with a clear message (no blocking
// open, no reading of /dev/zero until memory runs out), and an oversized file before it is read.
#include "support/run_command.hpp"
#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <fstream>

using namespace medpics::test;

namespace {
// The CLI under `timeout 10`: a blocking open or an endless read ends as exit code 124 instead of a hung test.
CommandResult cli(const std::string& args) {
  return runCommand("timeout -s KILL 10 " + std::string(MEDPICS_BIN_DIR) + "/medpics " + args + " 2>&1");
}
}  // namespace

TEST_CASE("medpics analyze and redact refuse directories, FIFOs, devices and oversized files at once",
          "[file-inputs]") {
  TempDir dir;
  const auto fifo = dir.path() / "pipe.jpg";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  const auto big = dir.path() / "big.jpg";
  std::ofstream(big).put('x');
  REQUIRE(::truncate(big.c_str(), 1ll << 30) == 0);  // sparse 1 GiB

  const auto analyzeDir = cli("analyze " + dir.path().string());
  CHECK(analyzeDir.out.find("is a directory") != std::string::npos);
  CHECK(analyzeDir.code == 2);
  const auto analyzeFifo = cli("analyze " + fifo.string());
  CHECK(analyzeFifo.out.find("not a regular file") != std::string::npos);
  CHECK(analyzeFifo.code == 2);
  const auto analyzeZero = cli("analyze /dev/zero");
  CHECK(analyzeZero.out.find("not a regular file") != std::string::npos);
  CHECK(analyzeZero.code == 2);
  const auto analyzeBig = cli("analyze " + big.string());
  CHECK(analyzeBig.out.find("file too large") != std::string::npos);
  CHECK(analyzeBig.code == 2);

  std::ofstream(dir.path() / "regions.json") << "[{\"box\": [0, 0, 10, 10]}]";
  const auto redactFifo = cli("redact " + fifo.string() + " --regions " + (dir.path() / "regions.json").string() +
                              " --out " + (dir.path() / "out.jpg").string());
  CHECK(redactFifo.out.find("not a regular file") != std::string::npos);
  CHECK(redactFifo.code == 2);
  const auto redactDirRegions = cli("redact " + big.string() + " --regions " + dir.path().string() + " --out " +
                                    (dir.path() / "out.jpg").string());
  CHECK(redactDirRegions.out.find("is a directory") != std::string::npos);
}
