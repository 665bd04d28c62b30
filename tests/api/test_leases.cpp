// API tests of leases: conflict between two users, renewal keeps the lease id, expiry (server test clock), release.
#include "api_support.hpp"

#include <catch2/catch.hpp>

using namespace medpics;
using namespace medpics::test;

TEST_CASE("a post claimed by one user is 409 lease_held for another until released") {
  Sandbox sb;
  auto modo = loginAs(sb.url(), "modo");
  auto admin = loginAs(sb.url(), "admin");
  auto lease = modo.claim("posts", "p1");
  REQUIRE(lease.ok());
  CHECK(lease->ttlSeconds == 120);

  const RawAnswer held = raw(sb.url(), "POST", "/api/v1/posts/p1/claim", admin.token());
  CHECK(held.status == 409);
  CHECK(held.body["error"] == "lease_held");
  CHECK(held.body["holder"] == "modo");
  CHECK(held.body["expires_at"].is_string());

  // The other user cannot decide, even with the holder's lease id.
  const api::PostDecisionRequest reject = rejectPost(lease->leaseId, "duplicate");
  auto stolen = admin.decidePost("p1", reject, api::newIdempotencyKey());
  REQUIRE_FALSE(stolen.ok());
  CHECK(stolen.error().httpStatus == 409);
  CHECK(stolen.error().code == "lease_lost");

  // The queue shows the lease; release frees the item.
  auto list = admin.listPosts("pending", 1);
  REQUIRE(list.ok());
  REQUIRE(list->items.at(0).lease.has_value());
  CHECK(list->items[0].lease->holder == "modo");
  REQUIRE(modo.release("posts", "p1").ok());
  CHECK(admin.claim("posts", "p1").ok());
  // Releasing a lease one does not hold is a no-op 204.
  CHECK(modo.release("posts", "p1").ok());
  CHECK(raw(sb.url(), "POST", "/api/v1/posts/p1/claim", modo.token()).status == 409);
}

TEST_CASE("claiming again or renewing keeps the same lease id") {
  Sandbox sb;
  auto verif = loginAs(sb.url(), "verif");
  auto first = verif.claim("registrations", "r2");
  REQUIRE(first.ok());
  auto again = verif.claim("registrations", "r2");
  REQUIRE(again.ok());
  CHECK(again->leaseId == first->leaseId);
  auto renewed = verif.renew("registrations", "r2", first->leaseId);
  REQUIRE(renewed.ok());
  CHECK(renewed->leaseId == first->leaseId);
  auto wrong = verif.renew("registrations", "r2", "not-my-lease");
  REQUIRE_FALSE(wrong.ok());
  CHECK(wrong.error().code == "lease_lost");
}

TEST_CASE("an expired lease is lost: renew and decide answer 409 lease_lost, others may claim") {
  Sandbox sb({"--demo-small", "--lease-ttl", "60", "--test-clock"});
  auto modo = loginAs(sb.url(), "modo");
  auto admin = loginAs(sb.url(), "admin");
  auto lease = modo.claim("posts", "p2");
  REQUIRE(lease.ok());
  CHECK(lease->ttlSeconds == 60);
  advanceServerClock(sb.url(), 61);
  auto renew = modo.renew("posts", "p2", lease->leaseId);
  REQUIRE_FALSE(renew.ok());
  CHECK(renew.error().code == "lease_lost");
  const api::PostDecisionRequest reject = rejectPost(lease->leaseId, "poor_quality");
  auto late = modo.decidePost("p2", reject, api::newIdempotencyKey());
  REQUIRE_FALSE(late.ok());
  CHECK(late.error().code == "lease_lost");
  auto taken = admin.claim("posts", "p2");
  REQUIRE(taken.ok());
  CHECK(taken->leaseId != lease->leaseId);
  auto post = modo.post("p2");
  REQUIRE(post.ok());
  CHECK(post->status == "pending");
}
