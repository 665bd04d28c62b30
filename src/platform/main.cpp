// Entry point of the sandbox platform server: parse options, seed, bind, announce the port, serve until SIGTERM.
#include "audit_chain.hpp"
#include "server.hpp"

#include "medpics/util/log.hpp"

#include <signal.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <thread>

using namespace medpics::platform;

namespace {
void writePortFile(const std::string& path, int port) {
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp);
    out << port << "\n";
  }
  std::filesystem::rename(tmp, path);
}
// --verify-audit: prints the verdict; 0 when the decision log is intact, 1 when tampered, 2 when unreadable.
int verifyAudit(const ServerOptions& options) {
  const auto file = std::filesystem::path(options.dataDir) / "platform.db";
  if (!std::filesystem::exists(file)) {
    std::fprintf(stderr, "medpics-platform: no decision log at %s\n", file.c_str());
    return 2;
  }
  Store store(options.dataDir);
  const AuditReport report = verifyAuditChain(store.db());
  for (const auto& p : report.problems) std::printf("TAMPERED entry %s: %s\n", p.entryId.c_str(), p.what.c_str());
  if (!report.ok()) {
    std::printf("audit log NOT intact: %zu problem(s) in %lld entries; first entry that does not verify: %s\n",
                report.problems.size(), static_cast<long long>(report.entries),
                report.problems.front().entryId.c_str());
    return 1;
  }
  std::printf("audit log intact: %lld entries, head %s\n", static_cast<long long>(report.entries),
              report.headHash.c_str());
  return 0;
}
}  // namespace

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--help" || a == "-h") return std::printf("%s", serverUsage().c_str()), 0;
    if (a == "--version") return std::printf("medpics-platform %s (platform API v1)\n", MEDPICS_VERSION), 0;
  }
  ServerOptions options;
  if (auto error = parseServerOptions({argv + 1, argv + argc}, options)) {
    std::fprintf(stderr, "medpics-platform: %s\n%s", error->c_str(), serverUsage().c_str());
    return 2;
  }
  if (options.verifyAudit) {
    try {
      return verifyAudit(options);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "medpics-platform: %s\n", e.what());
      return 2;
    }
  }
  // SIGTERM / SIGINT are handled by sigwait in the main thread; block them before any thread starts.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  signal(SIGPIPE, SIG_IGN);

  try {
    PlatformServer server(options);
    const int port = server.bind();
    std::thread serving([&] { server.listen(); });
    while (!server.running()) std::this_thread::sleep_for(std::chrono::milliseconds(2));
    if (!options.portFile.empty()) writePortFile(options.portFile, port);
    medpics::log::info(std::string("medpics-platform: listening on ") + (options.tlsCert.empty() ? "http" : "https") +
                       "://" + options.host + ":" + std::to_string(port) + " (data " + options.dataDir + ")");
    int sig = 0;
    sigwait(&signals, &sig);
    medpics::log::info("medpics-platform: stopping");
    server.stop();
    serving.join();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "medpics-platform: %s\n", e.what());
    return 1;
  }
  return 0;
}
