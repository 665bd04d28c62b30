// API test of durability: decisions, leases, tokens and idempotency records survive a restart.
#include "api_support.hpp"

#include <catch2/catch.hpp>

using namespace medpics;
using namespace medpics::test;

TEST_CASE("a restart loses nothing: decisions, published images, leases, tokens, idempotency records") {
  Sandbox sb;
  auto modo = loginAs(sb.url(), "modo");
  auto verif = loginAs(sb.url(), "verif");
  auto lease1 = modo.claim("posts", "p1");
  REQUIRE(lease1.ok());
  const api::PostDecisionRequest reject = rejectPost(lease1->leaseId, "patient_identifiable");
  const std::string key = api::newIdempotencyKey();
  auto rejected = modo.decidePost("p1", reject, key);
  REQUIRE(rejected.ok());

  auto post2 = modo.post("p2");
  REQUIRE(post2.ok());
  auto lease2 = modo.claim("posts", "p2");
  REQUIRE(lease2.ok());
  api::PostDecisionRequest approve;
  approve.action = "approve";
  approve.leaseId = lease2->leaseId;
  const auto& img = post2->images.at(0);
  const std::string masked = maskedJpeg(img.width, img.height);
  approve.maskedImages[img.id] = {"image/jpeg", masked};
  REQUIRE(modo.decidePost("p2", approve, api::newIdempotencyKey()).ok());
  auto lease3 = modo.claim("posts", "p3");
  REQUIRE(lease3.ok());
  auto regLease = verif.claim("registrations", "r1");
  REQUIRE(regLease.ok());

  sb.server.restart();
  api::PlatformClient modoAfter(sb.server.url(), modo.token());  // same token, new port
  api::PlatformClient verifAfter(sb.server.url(), verif.token());
  REQUIRE(modoAfter.me().ok());
  CHECK(modoAfter.post("p1")->status == "rejected");
  CHECK(modoAfter.post("p2")->status == "approved");
  auto published = modoAfter.download("/api/v1/published/" + img.id);
  REQUIRE(published.ok());
  CHECK(published->data == masked);
  auto replay = modoAfter.decidePost("p1", reject, key);
  REQUIRE(replay.ok());
  CHECK(replay->decisionId == rejected->decisionId);
  CHECK(decisionsAbout(modoAfter, "p1") == 1);
  auto p3 = modoAfter.post("p3");
  REQUIRE(p3->lease.has_value());
  CHECK(p3->lease->holder == "modo");
  auto renewed = modoAfter.renew("posts", "p3", lease3->leaseId);
  CHECK(renewed.ok());
  CHECK(verifAfter.renew("registrations", "r1", regLease->leaseId).ok());
  // The demo data is not seeded twice.
  auto all = modoAfter.listPosts("all", 100);
  REQUIRE(all.ok());
  CHECK(all->total == 8);
}
