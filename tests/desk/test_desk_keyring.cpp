// Desk tests of "remember me" against a real Secret Service (run under tests/support/with-secret-service.sh):
// the token goes to the keyring only, the next start resumes the session, logout revokes and forgets it.
#include "desk_harness.hpp"

#include "medpics/secrets/keyring.hpp"
#include "medpics/util/file.hpp"
#include "support/server_process.hpp"

#include <catch2/catch.hpp>
#include <httplib.h>

#include <cstdlib>

using namespace medpics;
using namespace medpics::test;
namespace fs = std::filesystem;

namespace {

int meStatus(const std::string& url, const std::string& token) {
  httplib::Client cli(url);
  auto r = cli.Get("/api/v1/me", {{"Authorization", "Bearer " + token}});
  return r ? r->status : 0;
}

// Every regular file under `root` whose bytes contain `needle`.
std::vector<fs::path> filesContaining(const fs::path& root, const std::string& needle) {
  std::vector<fs::path> found;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(root, fs::directory_options::skip_permission_denied, ec);
       it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    auto bytes = util::readFile(it->path());
    if (bytes && bytes->find(needle) != std::string::npos) found.push_back(it->path());
  }
  return found;
}

}  // namespace

TEST_CASE("the token keyring stores, finds and forgets a token per server and user", "[.][keyring]") {
  secrets::TokenKeyring keyring;
  REQUIRE(keyring.store("https://a.example", "modo", "token-a"));
  INFO(keyring.lastError());
  CHECK(keyring.load("https://a.example", "modo") == std::optional<std::string>("token-a"));
  CHECK_FALSE(keyring.load("https://b.example", "modo"));
  CHECK_FALSE(keyring.load("https://a.example", "verif"));
  REQUIRE(keyring.store("https://a.example", "modo", "token-a2"));  // replaces
  CHECK(keyring.load("https://a.example", "modo") == std::optional<std::string>("token-a2"));
  CHECK(keyring.forget("https://a.example", "modo"));
  CHECK_FALSE(keyring.load("https://a.example", "modo"));
}

TEST_CASE("remember me: token in the keyring only, session resumed at the next start, revoked at logout",
          "[.][keyring]") {
  const char* home = std::getenv("HOME");
  REQUIRE(home);
  TempDir data;
  ServerProcess server(data.path(), {"--demo-small"});
  const std::string settings = R"({"remember_me": true})";
  desk::DeskOptions first;
  first.serverUrl = server.url();
  first.username = "modo";
  first.password = "modo-demo";
  std::string token;
  fs::path settingsFile;
  {
    DeskHarness harness(first, settings);
    harness.settle();
    INFO(harness.errors());
    REQUIRE(harness.desk->session);
    token = harness.desk->session->token;
    CHECK(secrets::TokenKeyring().load(server.url(), "modo") == std::optional<std::string>(token));
    // Not in any plain file: neither the settings nor anything under HOME (the keyring file is encrypted).
    CHECK(filesContaining(harness.dir.path(), token).empty());
    CHECK(filesContaining(home, token).empty());
    CHECK(filesContaining(data.path(), token).empty());  // the server keeps only its SHA-256
  }
  {
    desk::DeskOptions second;  // no password: the remembered token is used
    second.serverUrl = server.url();
    second.username = "modo";
    DeskHarness harness(second, settings);
    harness.settle();
    INFO(harness.errors());
    REQUIRE(harness.desk->session);
    CHECK(harness.desk->session->token == token);
    CHECK(harness.desk->session->user.username == "modo");
    CHECK_FALSE(harness.desk->posts.empty());
    harness.desk->logout();
    harness.settle();
  }
  CHECK(meStatus(server.url(), token) == 401);
  CHECK_FALSE(secrets::TokenKeyring().load(server.url(), "modo"));
  {
    desk::DeskOptions third;
    third.serverUrl = server.url();
    third.username = "modo";
    DeskHarness harness(third, settings);
    harness.settle();
    CHECK_FALSE(harness.desk->session);  // nothing remembered any more: the login form shows
  }
}

TEST_CASE("without remember me nothing is written to the keyring", "[.][keyring]") {
  TempDir data;
  ServerProcess server(data.path(), {"--demo-small"});
  desk::DeskOptions options;
  options.serverUrl = server.url();
  options.username = "verif";
  options.password = "verif-demo";
  DeskHarness harness(options, R"({"remember_me": false})");
  harness.settle();
  REQUIRE(harness.desk->session);
  CHECK_FALSE(secrets::TokenKeyring().load(server.url(), "verif"));
}

TEST_CASE("a remembered token that the server revoked is forgotten at the next start", "[.][keyring]") {
  TempDir data;
  ServerProcess server(data.path(), {"--demo-small"});
  std::string token;
  {
    api::PlatformClient client(server.url());
    auto session = client.login("modo", "modo-demo");
    REQUIRE(session.ok());
    token = session->token;
    REQUIRE(secrets::TokenKeyring().store(server.url(), "modo", token));
    REQUIRE(client.logout().ok());  // revoked elsewhere (another desk, an admin)
  }
  desk::DeskOptions options;
  options.serverUrl = server.url();
  options.username = "modo";
  DeskHarness harness(options, R"({"remember_me": true})");
  harness.settle();
  CHECK_FALSE(harness.desk->session);
  CHECK_FALSE(secrets::TokenKeyring().load(server.url(), "modo"));
}

TEST_CASE("without a Secret Service the keyring fails cleanly and sign-in still works", "[.][no-keyring]") {
  // Run with DBUS_SESSION_BUS_ADDRESS pointing nowhere (see tests/CMakeLists.txt).
  secrets::TokenKeyring keyring;
  CHECK_FALSE(keyring.store("https://a.example", "modo", "t"));
  CHECK_FALSE(keyring.lastError().empty());
  CHECK_FALSE(keyring.load("https://a.example", "modo"));
  TempDir data;
  ServerProcess server(data.path(), {"--demo-small"});
  desk::DeskOptions options;
  options.serverUrl = server.url();
  options.username = "modo";
  options.password = "modo-demo";
  DeskHarness harness(options, R"({"remember_me": true})");
  harness.settle();
  CHECK(harness.desk->session);
}
