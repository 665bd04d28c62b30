// Starts the real sandbox server (build/bin/medpics-platform) on an ephemeral loopback port for a test.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

namespace medpics::test {

class ServerProcess {
 public:
  // dataDir persists across restart(); extraArgs e.g. {"--demo"} or {"--fail-rate", "0.2"}.
  ServerProcess(std::filesystem::path dataDir, std::vector<std::string> extraArgs = {});
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  void start(int port = 0);   // 0: an ephemeral port
  void restartOnSamePort() {  // the clients' URL stays valid (a platform that went down and came back)
    const int same = port_;
    stop();
    start(same);
  }
  void stop(bool hard = false);  // SIGTERM (or SIGKILL when hard) and wait
  void restart() {
    stop();
    start();
  }
  int port() const { return port_; }
  int pid() const { return pid_; }
  // https:// when started with --tls-cert.
  std::string url() const;

 private:
  std::filesystem::path dataDir_;
  std::vector<std::string> extraArgs_;
  int pid_ = -1;
  int port_ = 0;
};

}  // namespace medpics::test
