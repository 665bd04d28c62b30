// API tests of post decisions: idempotent replay, approve with masked images (published variant), rules.
#include "api_support.hpp"

#include "medpics/util/sha256.hpp"

#include <catch2/catch.hpp>

using namespace medpics;
using namespace medpics::test;

TEST_CASE("replaying an Idempotency-Key returns the first answer and applies the decision once") {
  Sandbox sb;
  auto modo = loginAs(sb.url(), "modo");
  auto lease = modo.claim("posts", "p1");
  REQUIRE(lease.ok());
  const std::string key = api::newIdempotencyKey();
  const std::string body = nlohmann::json{{"action", "reject"},
                                          {"lease_id", lease->leaseId},
                                          {"reason_code", "patient_identifiable"},
                                          {"message", "Le nom du patient est lisible."}}
                               .dump();
  const RawAnswer first = raw(sb.url(), "POST", "/api/v1/posts/p1/decision", modo.token(), body, "application/json",
                              {{"Idempotency-Key", key}});
  REQUIRE(first.status == 200);
  CHECK(first.body["action"] == "reject");
  CHECK(first.body["decided_by"] == "modo");
  const RawAnswer again = raw(sb.url(), "POST", "/api/v1/posts/p1/decision", modo.token(), body, "application/json",
                              {{"Idempotency-Key", key}});
  CHECK(again.status == 200);
  CHECK(again.text == first.text);
  // Through the typed client too (a retry after a lost answer sends the same key).
  const api::PostDecisionRequest reject = rejectPost(lease->leaseId, "patient_identifiable");
  auto typed = modo.decidePost("p1", reject, key);
  REQUIRE(typed.ok());
  CHECK(typed->decisionId == first.body["decision_id"]);
  CHECK(decisionsAbout(modo, "p1") == 1);
  auto post = modo.post("p1");
  REQUIRE(post.ok());
  CHECK(post->status == "rejected");
  REQUIRE(post->decision.has_value());
  CHECK(post->decision->decisionId == first.body["decision_id"]);
  // A new key on a decided post: 409 already_decided; claiming it too.
  auto other = modo.decidePost("p1", reject, api::newIdempotencyKey());
  REQUIRE_FALSE(other.ok());
  CHECK(other.error().code == "already_decided");
  CHECK(raw(sb.url(), "POST", "/api/v1/posts/p1/claim", modo.token()).body["error"] == "already_decided");
  auto pending = modo.listPosts("pending", 100);
  REQUIRE(pending.ok());
  for (const auto& p : pending->items) CHECK(p.id != "p1");
}

TEST_CASE("a decision without Idempotency-Key is 400 idempotency_key_required") {
  Sandbox sb;
  auto modo = loginAs(sb.url(), "modo");
  auto lease = modo.claim("posts", "p1");
  REQUIRE(lease.ok());
  const RawAnswer a =
      raw(sb.url(), "POST", "/api/v1/posts/p1/decision", modo.token(),
          nlohmann::json{{"action", "reject"}, {"lease_id", lease->leaseId}, {"reason_code", "duplicate"}}.dump());
  CHECK(a.status == 400);
  CHECK(a.body["error"] == "idempotency_key_required");
  CHECK(modo.post("p1")->status == "pending");
}

TEST_CASE("approve stores the masked images apart from the originals and serves them as published") {
  Sandbox sb;
  auto modo = loginAs(sb.url(), "modo");
  auto post = modo.post("p1");
  REQUIRE(post.ok());
  REQUIRE(post->images.size() == 1);
  const auto& image = post->images[0];
  auto original = modo.download(image.url);
  REQUIRE(original.ok());
  CHECK(sha256Hex(original->data) == image.sha256);
  const RawAnswer before = raw(sb.url(), "GET", "/api/v1/published/" + image.id, modo.token());
  CHECK(before.status == 404);

  auto lease = modo.claim("posts", "p1");
  REQUIRE(lease.ok());
  api::PostDecisionRequest approve;
  approve.action = "approve";
  approve.leaseId = lease->leaseId;
  approve.regions = nlohmann::json::array({{{"image_id", image.id},
                                            {"shape", "rect"},
                                            {"box", {0, 0, 100, 40}},
                                            {"style", "solid"},
                                            {"origin", "auto"},
                                            {"state", "accepted"},
                                            {"kind", "text"},
                                            {"category", "name"}},
                                           {{"image_id", image.id},
                                            {"shape", "polygon"},
                                            {"points", {{1, 2}, {30, 2}, {30, 40}}},
                                            {"style", "mosaic"},
                                            {"origin", "manual"},
                                            {"state", "accepted"}}});
  approve.residualCheck = {{"ran", true}, {"phi_findings_outside", 0}, {"override_reason", nullptr}};
  approve.caption = "Fracture du radius distal chez […], vu le […].";
  const std::string masked = maskedJpeg(image.width, image.height);
  approve.maskedImages[image.id] = {"image/jpeg", masked};
  auto decision = modo.decidePost("p1", approve, api::newIdempotencyKey());
  INFO(decision.error().describe());
  REQUIRE(decision.ok());
  const auto& published = decision->raw["published_images"];
  REQUIRE(published.size() == 1);
  CHECK(published[0]["sha256"] == sha256Hex(masked));

  auto servedPublished = modo.download("/api/v1/published/" + image.id);
  REQUIRE(servedPublished.ok());
  CHECK(servedPublished->data == masked);
  CHECK(servedPublished->data != original->data);
  CHECK(servedPublished->etag == "\"" + sha256Hex(masked) + "\"");
  // The original is kept, unchanged; any authenticated user may read the published variant.
  auto originalAfter = modo.download(image.url);
  REQUIRE(originalAfter.ok());
  CHECK(originalAfter->data == original->data);
  CHECK(loginAs(sb.url(), "verif").download("/api/v1/published/" + image.id).ok());
  // The evidence is recorded.
  auto full = modo.decision(decision->decisionId);
  REQUIRE(full.ok());
  CHECK(full->raw["regions"].size() == 2);
  CHECK(full->raw["caption"] == *approve.caption);
  CHECK(full->raw["residual_check"]["ran"] == true);
  CHECK(modo.post("p1")->status == "approved");
}

TEST_CASE("approve without every masked image, or with a wrong-size image, is 400 and changes nothing") {
  Sandbox sb;
  auto modo = loginAs(sb.url(), "modo");
  auto post = modo.post("p8");  // two images
  REQUIRE(post.ok());
  REQUIRE(post->images.size() == 2);
  auto lease = modo.claim("posts", "p8");
  REQUIRE(lease.ok());
  api::PostDecisionRequest approve;
  approve.action = "approve";
  approve.leaseId = lease->leaseId;
  const auto& a = post->images[0];
  const auto& b = post->images[1];
  approve.maskedImages[a.id] = {"image/jpeg", maskedJpeg(a.width, a.height)};
  auto missing = modo.decidePost("p8", approve, api::newIdempotencyKey());
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().httpStatus == 400);
  CHECK(missing.error().code == "bad_request");
  CHECK(missing.error().message.find("image:" + b.id) != std::string::npos);

  approve.maskedImages[b.id] = {"image/jpeg", maskedJpeg(b.width / 2, b.height / 2)};
  auto wrongSize = modo.decidePost("p8", approve, api::newIdempotencyKey());
  CHECK(wrongSize.error().httpStatus == 400);
  approve.maskedImages[b.id] = {"image/jpeg", "not an image"};
  CHECK(modo.decidePost("p8", approve, api::newIdempotencyKey()).error().httpStatus == 400);

  CHECK(modo.post("p8")->status == "pending");
  CHECK(raw(sb.url(), "GET", "/api/v1/published/" + a.id, modo.token()).status == 404);
  CHECK(decisionsAbout(modo, "p8") == 0);
  // The lease is still held: a complete approval now succeeds.
  approve.maskedImages[b.id] = {"image/jpeg", maskedJpeg(b.width, b.height)};
  CHECK(modo.decidePost("p8", approve, api::newIdempotencyKey()).ok());
}
