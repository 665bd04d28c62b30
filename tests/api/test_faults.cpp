// API tests of sandbox fault injection: --fail-rate (503 before anything), --drop-rate (applied, answer lost), latency.
#include "api_support.hpp"

#include <catch2/catch.hpp>

#include <chrono>

using namespace medpics;
using namespace medpics::test;

TEST_CASE("fault injection: --fail-rate 1 answers 503 unavailable to everything but health") {
  Sandbox sb({"--demo-small", "--fail-rate", "1.0"});
  CHECK(raw(sb.url(), "GET", "/api/v1/health").status == 200);
  api::PlatformClient client(sb.url());
  auto login = client.login("modo", "modo-demo");
  REQUIRE_FALSE(login.ok());
  CHECK(login.error().httpStatus == 503);
  CHECK(login.error().code == "unavailable");
  CHECK(login.error().retryable());
}

TEST_CASE(
    "fault injection: --drop-rate 1: the decision is applied, the client sees a transport error, a replay returns it") {
  TempDir dir;
  std::string token, leaseId, imageId;
  {
    ServerProcess setup(dir.path(), {"--demo-small"});
    auto modo = loginAs(setup.url(), "modo");
    token = modo.token();
    auto lease = modo.claim("posts", "p4");
    REQUIRE(lease.ok());
    leaseId = lease->leaseId;
  }
  const api::PostDecisionRequest reject = rejectPost(leaseId, "poor_quality");
  const std::string key = api::newIdempotencyKey();
  {
    ServerProcess dropping(dir.path(), {"--drop-rate", "1.0"});
    api::PlatformClient modo(dropping.url(), token);
    auto lost = modo.decidePost("p4", reject, key);
    REQUIRE_FALSE(lost.ok());
    CHECK(lost.error().transport());
    CHECK(lost.error().retryable());
    INFO(lost.error().describe());
    CHECK(raw(dropping.url(), "GET", "/api/v1/health").status == 200);
  }
  ServerProcess normal(dir.path());
  api::PlatformClient modo(normal.url(), token);
  CHECK(modo.post("p4")->status == "rejected");
  auto replay = modo.decidePost("p4", reject, key);
  REQUIRE(replay.ok());
  CHECK(replay->action == "reject");
  CHECK(decisionsAbout(modo, "p4") == 1);
}

TEST_CASE("fault injection: --latency-ms delays answers (not health)") {
  Sandbox sb({"--demo-small", "--latency-ms", "300"});
  const auto t0 = std::chrono::steady_clock::now();
  CHECK(raw(sb.url(), "GET", "/api/v1/posts").status == 401);
  const auto slow = std::chrono::steady_clock::now() - t0;
  CHECK(slow >= std::chrono::milliseconds(300));
}
