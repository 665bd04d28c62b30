// The authorisation matrix, table-driven: every route × {no token, modo, verif, admin}. Forbidden combinations
// must answer 401 (no token) or 403 forbidden; allowed ones must get past authorisation. docs/authorization.md
// shows the same table; adding a route is one line in kMatrix.
#include "api_support.hpp"

#include <catch2/catch.hpp>

#include <map>

using namespace medpics;
using namespace medpics::test;

namespace {

enum Access : char { Y = 'Y', N = 'N' };  // allowed / forbidden

struct RouteAccess {
  const char* method;
  const char* path;
  const char* body;
  Access anonymous, modo, verif, admin;
};

constexpr const char* kPostDecision = R"({"action":"reject","lease_id":"x","reason_code":"not_medical"})";
constexpr const char* kRegistrationDecision = R"({"action":"approve","lease_id":"x","checklist":[]})";
constexpr const char* kRenew = R"({"lease_id":"x"})";
constexpr const char* kLogin = R"({"username":"modo","password":"modo-demo"})";

// d1 is a decision by modo (made before the matrix runs): verif may not read it, admin may.
const std::vector<RouteAccess> kMatrix = {
    // method   path                                      body                    anon modo verif admin
    {"GET", "/api/v1/health", "", Y, Y, Y, Y},
    {"POST", "/api/v1/auth/login", kLogin, Y, Y, Y, Y},
    {"GET", "/api/v1/me", "", N, Y, Y, Y},
    {"POST", "/api/v1/auth/logout", "", N, Y, Y, Y},
    {"GET", "/api/v1/posts", "", N, Y, N, Y},
    {"GET", "/api/v1/posts/p1", "", N, Y, N, Y},
    {"POST", "/api/v1/posts/p1/claim", "", N, Y, N, Y},
    {"POST", "/api/v1/posts/p1/lease/renew", kRenew, N, Y, N, Y},
    {"DELETE", "/api/v1/posts/p1/lease", "", N, Y, N, Y},
    {"POST", "/api/v1/posts/p1/decision", kPostDecision, N, Y, N, Y},
    {"GET", "/api/v1/images/i1", "", N, Y, N, Y},
    {"GET", "/api/v1/published/i1", "", N, Y, Y, Y},
    {"GET", "/api/v1/registrations", "", N, N, Y, Y},
    {"GET", "/api/v1/registrations/r1", "", N, N, Y, Y},
    {"POST", "/api/v1/registrations/r1/claim", "", N, N, Y, Y},
    {"POST", "/api/v1/registrations/r1/lease/renew", kRenew, N, N, Y, Y},
    {"DELETE", "/api/v1/registrations/r1/lease", "", N, N, Y, Y},
    {"POST", "/api/v1/registrations/r1/decision", kRegistrationDecision, N, N, Y, Y},
    {"GET", "/api/v1/documents/doc1", "", N, N, Y, Y},
    {"GET", "/api/v1/decisions", "", N, Y, Y, Y},
    {"GET", "/api/v1/decisions/d1", "", N, Y, N, Y},
};

struct Caller {
  const char* name;  // "" for no token
  Access RouteAccess::*access;
};
const Caller kCallers[] = {{"", &RouteAccess::anonymous},
                           {"modo", &RouteAccess::modo},
                           {"verif", &RouteAccess::verif},
                           {"admin", &RouteAccess::admin}};

std::string freshToken(const std::string& url, const std::string& user) {
  if (user.empty()) return {};
  return loginAs(url, user).token();
}

// One token per user, renewed after a call that may have revoked it (logout).
struct Tokens {
  std::string url;
  std::map<std::string, std::string> byUser;
  std::string get(const std::string& user) {
    if (user.empty()) return {};
    auto& t = byUser[user];
    if (t.empty()) t = freshToken(url, user);
    return t;
  }
  void spend(const std::string& user) { byUser.erase(user); }
};

RawAnswer call(const std::string& url, const RouteAccess& r, const std::string& token) {
  return raw(url, r.method, r.path, token, r.body, "application/json", {{"Idempotency-Key", "matrix-" + token}});
}

}  // namespace

TEST_CASE("authorisation matrix: every forbidden combination is refused, every allowed one gets through") {
  Sandbox sb;
  {  // d1: a decision by modo about p2
    auto modo = loginAs(sb.url(), "modo");
    auto lease = modo.claim("posts", "p2");
    REQUIRE(lease.ok());
    auto decided = modo.decidePost("p2", rejectPost(lease->leaseId, "not_medical"), api::newIdempotencyKey());
    REQUIRE(decided.ok());
    REQUIRE(decided->decisionId == "d1");
  }
  int forbidden = 0;
  Tokens tokens{sb.url(), {}};
  for (const RouteAccess& route : kMatrix) {
    for (const Caller& caller : kCallers) {
      const bool allowed = route.*caller.access == Y;
      const std::string who = *caller.name ? caller.name : "no token";
      INFO(route.method << " " << route.path << " as " << who << (allowed ? " must be allowed" : " must be refused"));
      const RawAnswer a = call(sb.url(), route, tokens.get(caller.name));
      if (std::string(route.path) == "/api/v1/auth/logout") tokens.spend(caller.name);
      INFO("answer: " << a.status << " " << a.text.substr(0, 200));
      REQUIRE(a.status != 0);
      if (allowed) {
        CHECK(a.status != 401);
        CHECK(a.status != 403);
      } else if (!*caller.name) {
        CHECK(a.status == 401);
        CHECK(a.body["error"] == "unauthorized");
      } else {
        CHECK(a.status == 403);
        CHECK(a.body["error"] == "forbidden");
      }
      forbidden += !allowed;
    }
  }
  CHECK(forbidden == 34);  // keeps docs/authorization.md honest: update both when a route is added
}

TEST_CASE("a revoked or expired token is refused on every authenticated route") {
  Sandbox sb;
  std::string token = freshToken(sb.url(), "admin");
  REQUIRE(raw(sb.url(), "POST", "/api/v1/auth/logout", token).status == 204);
  for (const RouteAccess& route : kMatrix) {
    if (route.anonymous == Y) continue;
    INFO(route.method << " " << route.path);
    const RawAnswer a = call(sb.url(), route, token);
    CHECK(a.status == 401);
    CHECK(a.body["error"] == "unauthorized");
  }
}

TEST_CASE("failed logins are rate limited per client address across user names") {
  // 20 failures from one address (unknown users: no per-user limit is reached), then even a right password is 429.
  Sandbox sb({"--demo-small", "--kdf-iterations", "1000"});
  for (int i = 0; i < 20; ++i) {
    const std::string body = R"({"username":"nobody)" + std::to_string(i) + R"(","password":"x"})";
    CHECK(raw(sb.url(), "POST", "/api/v1/auth/login", {}, body).status == 401);
  }
  const RawAnswer limited = raw(sb.url(), "POST", "/api/v1/auth/login", {}, kLogin);
  CHECK(limited.status == 429);
  CHECK(limited.body["error"] == "rate_limited");
  CHECK(limited.headers.count("Retry-After") == 1);
}
