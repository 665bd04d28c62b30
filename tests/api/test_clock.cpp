// API tests of the sandbox's test clock: POST /api/v1/test/clock exists only with --test-clock, only moves forward,
// and what it moves is the clock of leases and tokens.
#include "api_support.hpp"

#include <catch2/catch.hpp>

using namespace medpics;
using namespace medpics::test;

TEST_CASE("test clock: the route exists only with --test-clock") {
  Sandbox sb;
  const RawAnswer a = raw(sb.url(), "POST", "/api/v1/test/clock", {}, R"({"advance_seconds": 3600})");
  CHECK(a.status == 404);
}

TEST_CASE("test clock: it moves forward by whole seconds only, and says where it is") {
  Sandbox sb({"--demo-small", "--test-clock"});
  for (const std::string body :
       {R"({"advance_seconds": 0})", R"({"advance_seconds": -5})", R"({"advance_seconds": 1.5})",
        R"({"advance_seconds": "60"})", R"({})", R"({"advance_seconds": 40000000})"}) {
    INFO(body);
    const RawAnswer refused = raw(sb.url(), "POST", "/api/v1/test/clock", {}, body);
    CHECK(refused.status == 400);
  }
  const RawAnswer first = raw(sb.url(), "POST", "/api/v1/test/clock", {}, R"({"advance_seconds": 3600})");
  REQUIRE(first.status == 200);
  CHECK(first.body["offset_seconds"] == 3600);
  const RawAnswer second = raw(sb.url(), "POST", "/api/v1/test/clock", {}, R"({"advance_seconds": 60})");
  REQUIRE(second.status == 200);
  CHECK(second.body["offset_seconds"] == 3660);
  const int64_t advanced = second.body["now"].get<int64_t>() - first.body["now"].get<int64_t>();
  CHECK(advanced >= 60);
  CHECK(advanced <= 70);  // 60 s moved, plus the real time between the two calls
}

TEST_CASE("test clock: a lease claimed after an advance lasts its full TTL on the moved clock") {
  Sandbox sb({"--demo-small", "--lease-ttl", "60", "--test-clock"});
  auto modo = loginAs(sb.url(), "modo");
  advanceServerClock(sb.url(), 3600);  // tokens live 8 h: still valid
  auto lease = modo.claim("posts", "p2");
  REQUIRE(lease.ok());
  advanceServerClock(sb.url(), 50);
  auto renewed = modo.renew("posts", "p2", lease->leaseId);  // ten seconds left: renewing works, and restarts the TTL
  REQUIRE(renewed.ok());
  advanceServerClock(sb.url(), 50);  // 100 s after the claim, 50 s after the renewal
  CHECK(modo.renew("posts", "p2", lease->leaseId).ok());
  advanceServerClock(sb.url(), 61);
  auto lost = modo.renew("posts", "p2", lease->leaseId);
  REQUIRE_FALSE(lost.ok());
  CHECK(lost.error().code == "lease_lost");
}
