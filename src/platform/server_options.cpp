// Parsing of the sandbox server's command line.
#include "server_options.hpp"

#include <stdexcept>

namespace medpics::platform {

std::string serverUsage() {
  return "usage: medpics-platform --data DIR [--port N] [--host H] [--port-file F] [--demo]\n"
         "                        [--lease-ttl S] [--latency-ms MS] [--fail-rate P] [--drop-rate P]\n"
         "                        [--token-ttl S] [--kdf-iterations N] [--demo-small]\n"
         "                        [--demo-posts N] [--demo-size WxH] [--tls-cert PEM --tls-key PEM]\n"
         "                        [--header-timeout S] [--test-clock]\n"
         "       medpics-platform --verify-audit --data DIR\n";
}

std::optional<std::string> parseServerOptions(const std::vector<std::string>& args, ServerOptions& out) {
  try {
    for (size_t i = 0; i < args.size(); ++i) {
      const std::string& a = args[i];
      auto value = [&]() -> const std::string& {
        if (i + 1 >= args.size()) throw std::invalid_argument(a + " needs a value");
        return args[++i];
      };
      if (a == "--port")
        out.port = std::stoi(value());
      else if (a == "--host")
        out.host = value();
      else if (a == "--data")
        out.dataDir = value();
      else if (a == "--port-file")
        out.portFile = value();
      else if (a == "--demo")
        out.demo = true;
      else if (a == "--lease-ttl")
        out.leaseTtlSeconds = std::stoi(value());
      else if (a == "--latency-ms")
        out.latencyMs = std::stoi(value());
      else if (a == "--fail-rate")
        out.failRate = std::stod(value());
      else if (a == "--drop-rate")
        out.dropRate = std::stod(value());
      else if (a == "--token-ttl")
        out.tokenTtlSeconds = std::stoi(value());
      else if (a == "--kdf-iterations")
        out.kdfIterations = std::stoi(value());
      else if (a == "--demo-small")
        out.demo = out.demoSmall = true;
      else if (a == "--demo-size") {
        const std::string v = value();
        const auto x = v.find('x');
        if (x == std::string::npos) throw std::invalid_argument("--demo-size needs WxH");
        out.demoWidth = std::stoi(v.substr(0, x));
        out.demoHeight = std::stoi(v.substr(x + 1));
      } else if (a == "--demo-posts")
        out.demo = out.demoSmall = true, out.demoPosts = std::stoi(value());
      else if (a == "--tls-cert")
        out.tlsCert = value();
      else if (a == "--tls-key")
        out.tlsKey = value();
      else if (a == "--header-timeout")
        out.headerTimeoutSeconds = std::stoi(value());
      else if (a == "--verify-audit")
        out.verifyAudit = true;
      else if (a == "--test-clock")
        out.testClock = true;
      else
        throw std::invalid_argument("unknown option " + a);
    }
  } catch (const std::invalid_argument& e) {
    return std::string(e.what());
  } catch (const std::out_of_range& e) {
    return "value out of range";
  }
  if (out.dataDir.empty()) return std::string("--data DIR is required");
  if (out.port < 0 || out.port > 65535) return std::string("--port must be 0..65535");
  if (out.failRate < 0 || out.failRate > 1 || out.dropRate < 0 || out.dropRate > 1)
    return std::string("--fail-rate and --drop-rate must be between 0 and 1");
  if (out.leaseTtlSeconds < 1) return std::string("--lease-ttl must be at least 1");
  if (out.tokenTtlSeconds < 1) return std::string("--token-ttl must be at least 1");
  if (out.kdfIterations < 1000) return std::string("--kdf-iterations must be at least 1000");
  if (out.demoWidth < 0 || out.demoHeight < 0 || out.demoWidth > 12000 || out.demoHeight > 12000)
    return std::string("--demo-size must be at most 12000x12000");
  if (out.demoPosts < 0 || out.demoPosts > 5000) return std::string("--demo-posts must be 0..5000");
  if (out.tlsCert.empty() != out.tlsKey.empty()) return std::string("--tls-cert and --tls-key go together");
  if (out.headerTimeoutSeconds < 1 || out.headerTimeoutSeconds > 300)
    return std::string("--header-timeout must be 1..300 seconds");
  if (out.latencyMs < 0) return std::string("--latency-ms must not be negative");
  return std::nullopt;
}

}  // namespace medpics::platform
