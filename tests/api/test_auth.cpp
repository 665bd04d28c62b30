// API tests of authentication: login, bad password, rate limiting, token required, logout, expiry (server test clock).
#include "api_support.hpp"

#include <catch2/catch.hpp>

using namespace medpics;
using namespace medpics::test;

TEST_CASE("login with the demo password returns a token, an expiry and the user") {
  Sandbox sb;
  api::PlatformClient client(sb.url());
  auto session = client.login("modo", "modo-demo");
  REQUIRE(session.ok());
  CHECK(!session->token.empty());
  CHECK(session->expiresAt.size() == 20);
  CHECK(session->user.username == "modo");
  CHECK(session->user.roles == std::vector<std::string>{"moderator"});
  auto me = client.me();
  REQUIRE(me.ok());
  CHECK(me->displayName == "Camille Moderatrice");
  auto admin = loginAs(sb.url(), "admin").me();
  REQUIRE(admin.ok());
  CHECK(admin->hasRole("admin"));
  CHECK(admin->hasRole("moderator"));
  CHECK(admin->hasRole("verifier"));
}

TEST_CASE("login with a bad password or an unknown user is 401 unauthorized") {
  Sandbox sb;
  api::PlatformClient client(sb.url());
  auto bad = client.login("modo", "wrong");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().httpStatus == 401);
  CHECK(bad.error().code == "unauthorized");
  auto unknown = client.login("nobody", "modo-demo");
  CHECK(unknown.error().httpStatus == 401);
}

TEST_CASE("failed logins are rate limited per username with Retry-After") {
  Sandbox sb;
  for (int i = 0; i < 5; ++i)
    CHECK(raw(sb.url(), "POST", "/api/v1/auth/login", {}, R"({"username":"verif","password":"x"})").status == 401);
  const RawAnswer limited =
      raw(sb.url(), "POST", "/api/v1/auth/login", {}, R"({"username":"verif","password":"verif-demo"})");
  CHECK(limited.status == 429);
  CHECK(limited.body["error"] == "rate_limited");
  REQUIRE(limited.headers.count("Retry-After") == 1);
  const int retry = std::stoi(limited.headers.find("Retry-After")->second);
  CHECK(retry > 0);
  CHECK(retry <= 300);
  // Another user is not affected.
  api::PlatformClient other(sb.url());
  CHECK(other.login("modo", "modo-demo").ok());
}

TEST_CASE("every route but health and login needs a valid bearer token") {
  Sandbox sb;
  CHECK(raw(sb.url(), "GET", "/api/v1/health").body == nlohmann::json{{"status", "ok"}, {"version", "1"}});
  for (const char* path : {"/api/v1/posts", "/api/v1/me", "/api/v1/registrations", "/api/v1/decisions",
                           "/api/v1/images/i1", "/api/v1/posts/p1"}) {
    INFO(path);
    const RawAnswer none = raw(sb.url(), "GET", path);
    CHECK(none.status == 401);
    CHECK(none.body["error"] == "unauthorized");
    CHECK(none.body["message"].is_string());
    CHECK(raw(sb.url(), "GET", path, "not-a-token").status == 401);
  }
  CHECK(raw(sb.url(), "POST", "/api/v1/posts/p1/claim").status == 401);
}

TEST_CASE("logout revokes the token") {
  Sandbox sb;
  auto client = loginAs(sb.url(), "modo");
  const std::string token = client.token();
  REQUIRE(client.me().ok());
  REQUIRE(client.logout().ok());
  const RawAnswer after = raw(sb.url(), "GET", "/api/v1/me", token);
  CHECK(after.status == 401);
  CHECK(after.body["error"] == "unauthorized");
}

TEST_CASE("tokens expire") {
  Sandbox sb({"--demo-small", "--token-ttl", "60", "--test-clock"});
  auto client = loginAs(sb.url(), "modo");
  advanceServerClock(sb.url(), 50);
  REQUIRE(client.me().ok());  // ten seconds left (of the server's time: the real time the test takes counts too)
  advanceServerClock(sb.url(), 11);
  auto me = client.me();
  REQUIRE_FALSE(me.ok());
  CHECK(me.error().httpStatus == 401);
}
