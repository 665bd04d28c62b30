// Command-line options of the sandbox platform server.
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace medpics::platform {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8470;       // 0: pick a free port
  std::string dataDir;   // required
  std::string portFile;  // written once listening
  bool demo = false;
  int leaseTtlSeconds = 120;
  int latencyMs = 0;
  double failRate = 0.0;
  double dropRate = 0.0;
  int tokenTtlSeconds = 8 * 3600;
  int kdfIterations = 210000;         // PBKDF2 iterations for new password records
  bool demoSmall = false;             // tests only: a small demo set (fewer, smaller images) that seeds in a second
  int demoPosts = 0;                  // tests only (implies demoSmall): this many small posts instead of 8
  int demoWidth = 0, demoHeight = 0;  // tests and benchmarks: size of the demo-small images (default 800x600)
  std::string tlsCert, tlsKey;        // PEM files: serve HTTPS instead of HTTP (both or neither)
  int headerTimeoutSeconds = 10;      // request line + headers must arrive within this (a trickle does not extend it)
  bool verifyAudit = false;           // check the decision log's hash chain and exit (0: intact, 1: tampered)
  bool testClock = false;             // tests only: POST /api/v1/test/clock moves the server's clock forward
};

// Parses argv-style arguments; returns an error message on bad input.
std::optional<std::string> parseServerOptions(const std::vector<std::string>& args, ServerOptions& out);
std::string serverUsage();

}  // namespace medpics::platform
