// ServerProcess: fork + exec of medpics-platform with --port 0 --port-file, waits for the port.
#include "support/server_process.hpp"

#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <stdexcept>
#include <thread>

namespace medpics::test {

ServerProcess::ServerProcess(std::filesystem::path dataDir, std::vector<std::string> extraArgs)
    : dataDir_(std::move(dataDir)), extraArgs_(std::move(extraArgs)) {
  start();
}

ServerProcess::~ServerProcess() { stop(); }

void ServerProcess::start(int port) {
  std::filesystem::create_directories(dataDir_);
  const auto portFile = dataDir_ / "port.txt";
  std::filesystem::remove(portFile);
  std::vector<std::string> args{std::string(MEDPICS_BIN_DIR) + "/medpics-platform",
                                "--port",
                                std::to_string(port),
                                "--data",
                                dataDir_.string(),
                                "--port-file",
                                portFile.string()};
  args.insert(args.end(), extraArgs_.begin(), extraArgs_.end());
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_ = fork();
  if (pid_ < 0) throw std::runtime_error("cannot start " + args[0]);
  if (pid_ == 0) {
    prctl(PR_SET_PDEATHSIG, SIGKILL);  // never outlive a crashed test
    execv(argv[0], argv.data());
    _exit(127);
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (std::chrono::steady_clock::now() < deadline) {
    std::ifstream in(portFile);
    if (in >> port_ && port_ > 0) return;
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      throw std::runtime_error("medpics-platform exited during start-up");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  stop(true);
  throw std::runtime_error("medpics-platform did not report its port within 60 s");
}

std::string ServerProcess::url() const {
  const bool tls = std::find(extraArgs_.begin(), extraArgs_.end(), "--tls-cert") != extraArgs_.end();
  return std::string(tls ? "https" : "http") + "://127.0.0.1:" + std::to_string(port_);
}

void ServerProcess::stop(bool hard) {
  if (pid_ <= 0) return;
  kill(pid_, hard ? SIGKILL : SIGTERM);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
}

}  // namespace medpics::test
