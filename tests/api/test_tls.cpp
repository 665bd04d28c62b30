// API tests of transport security: the sandbox serves HTTPS with a test certificate; the client verifies
// certificates by default, refuses an untrusted one with a clear error, and accepts it once its CA is trusted.
#include "api_support.hpp"
#include "support/run_command.hpp"
#include "support/test_pki.hpp"

#include <catch2/catch.hpp>

using namespace medpics;
using namespace medpics::test;

namespace {
std::vector<std::string> tlsArgs(const TestPki& pki) {
  std::vector<std::string> args{"--demo-small"};
  for (auto& a : pki.serverArgs()) args.push_back(a);
  return args;
}
}  // namespace

TEST_CASE("the client refuses the sandbox's HTTPS certificate until its CA is trusted") {
  TestPki pki;
  Sandbox sb(tlsArgs(pki));
  REQUIRE(sb.url().rfind("https://", 0) == 0);

  api::PlatformClient untrusting(sb.url());
  auto refused = untrusting.login("modo", "modo-demo");
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().transport());
  INFO(refused.error().describe());
  CHECK(refused.error().message.find("untrusted server certificate") != std::string::npos);
  CHECK(refused.error().message.find("--ca-bundle") != std::string::npos);
  CHECK(untrusting.token().empty());

  api::PlatformClient trusting(sb.url());
  trusting.setCaBundle(pki.caCert.string());
  auto session = trusting.login("modo", "modo-demo");
  INFO((session.ok() ? std::string("ok") : session.error().describe()));
  REQUIRE(session.ok());
  CHECK(trusting.me().ok());
  CHECK(trusting.listPosts().ok());
}

TEST_CASE("the default CA bundle (MEDPICS_CA_BUNDLE / --ca-bundle) applies to every new client") {
  TestPki pki;
  Sandbox sb(tlsArgs(pki));
  const std::string before = api::defaultCaBundle();
  api::setDefaultCaBundle(pki.caCert.string());
  api::PlatformClient client(sb.url());
  CHECK(client.health().ok());
  api::setDefaultCaBundle(before);
  api::PlatformClient again(sb.url());
  CHECK_FALSE(again.health().ok());
}

TEST_CASE("a CA that did not sign the server certificate is not enough") {
  TestPki served, other;
  Sandbox sb(tlsArgs(served));
  api::PlatformClient client(sb.url());
  client.setCaBundle(other.caCert.string());
  auto health = client.health();
  REQUIRE_FALSE(health.ok());
  CHECK(health.error().message.find("untrusted server certificate") != std::string::npos);
}

TEST_CASE("a certificate for another host name is refused even with its CA trusted") {
  TestPki pki("DNS:platform.medpics.example");
  Sandbox sb(tlsArgs(pki));
  api::PlatformClient client(sb.url());
  client.setCaBundle(pki.caCert.string());
  auto health = client.health();
  REQUIRE_FALSE(health.ok());
  INFO(health.error().message);
  CHECK(health.error().message.find("untrusted server certificate") != std::string::npos);
}

TEST_CASE("the HTTPS server refuses to start without a readable certificate") {
  TempDir dir;
  const CommandResult r =
      runCommand(std::string(MEDPICS_BIN_DIR) + "/medpics-platform --port 0 --data '" + dir.path().string() +
                 "' --tls-cert /nonexistent.pem --tls-key /nonexistent.key 2>&1");
  CHECK(r.code == 1);
  CHECK(r.out.find("cannot load the TLS certificate") != std::string::npos);
}
