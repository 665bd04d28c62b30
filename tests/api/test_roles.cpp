// API tests of roles: each forbidden combination answers 403 forbidden; admin may do both sides.
#include "api_support.hpp"

#include <catch2/catch.hpp>

using namespace medpics;
using namespace medpics::test;

namespace {
void checkForbidden(const std::string& user, const std::string& method, const std::string& path,
                    const std::string& body = {}) {
  Sandbox sb;
  auto client = loginAs(sb.url(), user);
  const RawAnswer a =
      raw(sb.url(), method, path, client.token(), body, "application/json", {{"Idempotency-Key", "k-" + user}});
  CHECK(a.status == 403);
  CHECK(a.body["error"] == "forbidden");
}
const std::string kRegistrationDecision = R"({"action":"approve","lease_id":"x","checklist":[]})";
const std::string kPostDecision = R"({"action":"reject","lease_id":"x","reason_code":"not_medical"})";
}  // namespace

TEST_CASE("a moderator cannot list registrations") { checkForbidden("modo", "GET", "/api/v1/registrations"); }
TEST_CASE("a moderator cannot read a registration") { checkForbidden("modo", "GET", "/api/v1/registrations/r1"); }
TEST_CASE("a moderator cannot read a proof document") { checkForbidden("modo", "GET", "/api/v1/documents/doc1"); }
TEST_CASE("a moderator cannot claim a registration") {
  checkForbidden("modo", "POST", "/api/v1/registrations/r1/claim");
}
TEST_CASE("a moderator cannot decide a registration") {
  checkForbidden("modo", "POST", "/api/v1/registrations/r1/decision", kRegistrationDecision);
}
TEST_CASE("a verifier cannot list posts") { checkForbidden("verif", "GET", "/api/v1/posts"); }
TEST_CASE("a verifier cannot read a post") { checkForbidden("verif", "GET", "/api/v1/posts/p1"); }
TEST_CASE("a verifier cannot read an original image") { checkForbidden("verif", "GET", "/api/v1/images/i1"); }
TEST_CASE("a verifier cannot claim a post") { checkForbidden("verif", "POST", "/api/v1/posts/p1/claim"); }
TEST_CASE("a verifier cannot decide a post") {
  checkForbidden("verif", "POST", "/api/v1/posts/p1/decision", kPostDecision);
}

TEST_CASE("an admin reads and decides posts and registrations") {
  Sandbox sb;
  auto admin = loginAs(sb.url(), "admin");
  REQUIRE(admin.listPosts().ok());
  REQUIRE(admin.listRegistrations().ok());
  REQUIRE(admin.download("/api/v1/documents/doc1").ok());
  REQUIRE(admin.download("/api/v1/images/i1").ok());
  auto postLease = admin.claim("posts", "p1");
  REQUIRE(postLease.ok());
  const api::PostDecisionRequest reject = rejectPost(postLease->leaseId, "not_medical");
  CHECK(admin.decidePost("p1", reject, api::newIdempotencyKey()).ok());
  auto regLease = admin.claim("registrations", "r1");
  REQUIRE(regLease.ok());
  api::RegistrationDecisionRequest approve;
  approve.action = "approve";
  approve.leaseId = regLease->leaseId;
  CHECK(admin.decideRegistration("r1", approve, api::newIdempotencyKey()).ok());
}
