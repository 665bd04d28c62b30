// Desk tests of transport security and logging: an untrusted HTTPS certificate is refused with a clear message,
// accepted once its CA is trusted (--ca-bundle); no token or password ever reaches the log.
#include "desk_harness.hpp"

#include "medpics/api/http_client.hpp"
#include "medpics/util/log.hpp"
#include "support/server_process.hpp"
#include "support/test_pki.hpp"

#include <catch2/catch.hpp>
#include <fcntl.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

using namespace medpics;
using namespace medpics::test;

namespace {

std::vector<std::string> tlsDemo(const TestPki& pki) {
  std::vector<std::string> args{"--demo-small"};
  for (auto& a : pki.serverArgs()) args.push_back(a);
  return args;
}

desk::DeskOptions signIn(const std::string& url, const std::string& user, const std::string& password) {
  desk::DeskOptions o;
  o.serverUrl = url;
  o.username = user;
  o.password = password;
  return o;
}

// Redirects this process's stderr (and that of children started meanwhile) into a file.
class StderrCapture {
 public:
  explicit StderrCapture(const std::filesystem::path& file) : file_(file) {
    std::fflush(stderr);
    saved_ = ::dup(2);
    const int fd = ::open(file.c_str(), O_CREAT | O_TRUNC | O_WRONLY, 0600);
    ::dup2(fd, 2);
    ::close(fd);
  }
  std::string finish() {
    if (saved_ >= 0) {
      std::fflush(stderr);
      ::dup2(saved_, 2);
      ::close(saved_);
      saved_ = -1;
    }
    std::ifstream in(file_);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }
  ~StderrCapture() { finish(); }

 private:
  std::filesystem::path file_;
  int saved_ = -1;
};

}  // namespace

TEST_CASE("the desk refuses an untrusted HTTPS certificate, then signs in once the CA is trusted", "[tls]") {
  TestPki pki;
  TempDir data;
  ServerProcess server(data.path(), tlsDemo(pki));
  api::setDefaultCaBundle({});
  {
    DeskHarness refused(signIn(server.url(), "modo", "modo-demo"));
    refused.settle();
    CHECK_FALSE(refused.desk->session);
    INFO(refused.errors());
    CHECK(refused.errors().find("untrusted server certificate") != std::string::npos);
    CHECK(refused.errors().find("--ca-bundle") != std::string::npos);
  }
  desk::DeskOptions trusting = signIn(server.url(), "modo", "modo-demo");
  trusting.caBundle = pki.caCert.string();
  DeskHarness accepted(trusting);
  accepted.settle();
  INFO(accepted.errors());
  REQUIRE(accepted.desk->session);
  CHECK(accepted.desk->session->user.username == "modo");
  CHECK_FALSE(accepted.desk->posts.empty());
  api::setDefaultCaBundle({});
}

TEST_CASE("no token or password appears in the desk's or the server's log", "[tls]") {
  TempDir logs;
  StderrCapture capture(logs.path() / "stderr.log");
  log::setLevel(log::Level::Debug);
  std::string token;
  {
    TestPki pki;
    TempDir data;
    ServerProcess server(data.path(), tlsDemo(pki));
    {
      DeskHarness wrong(signIn(server.url(), "verif", "not-the-Password-42"));  // untrusted, then bad password
      wrong.settle();
    }
    desk::DeskOptions good = signIn(server.url(), "verif", "verif-demo");
    good.caBundle = pki.caCert.string();
    {
      desk::DeskOptions bad = good;
      bad.password = "not-the-Password-42";
      DeskHarness badPassword(bad);
      badPassword.settle();
      CHECK_FALSE(badPassword.desk->session);
    }
    DeskHarness harness(good);
    harness.settle();
    REQUIRE(harness.desk->session);
    token = harness.desk->session->token;
    // Anything that would echo a request into the log is redacted.
    log::info("request: Authorization: Bearer " + token + " body {\"password\": \"verif-demo\"}");
    harness.desk->logout();
    harness.settle();
    api::setDefaultCaBundle({});
  }
  log::setLevel(log::Level::Info);
  const std::string text = capture.finish();
  INFO(text);
  REQUIRE(token.size() >= 32);
  CHECK(text.find("Bearer ***") != std::string::npos);  // the capture did see the log
  CHECK(text.find("untrusted server certificate") != std::string::npos);
  CHECK(text.find(token) == std::string::npos);
  CHECK(text.find("verif-demo") == std::string::npos);
  CHECK(text.find("not-the-Password-42") == std::string::npos);
}
