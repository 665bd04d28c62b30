// API tests of GET /stats/decisions: own figures for everyone, everyone's (scope=all) for admins only (403 otherwise).
#include "api_support.hpp"

#include "medpics/util/time.hpp"

#include <catch2/catch.hpp>

#include <ctime>

using namespace medpics;
using namespace medpics::test;

namespace {
const std::string kSinceEpoch = "since=1970-01-01T00:00:00Z";

// Approves p1 with one accepted text finding, one dismissed text finding and one manual region.
void approveP1(api::PlatformClient& modo) {
  auto post = modo.post("p1");
  REQUIRE(post.ok());
  const auto& image = post->images.at(0);
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
                                            {"shape", "rect"},
                                            {"box", {0, 50, 20, 20}},
                                            {"style", "solid"},
                                            {"origin", "auto"},
                                            {"state", "dismissed"},
                                            {"kind", "text"},
                                            {"category", "benign"}},
                                           {{"image_id", image.id},
                                            {"shape", "rect"},
                                            {"box", {200, 50, 20, 20}},
                                            {"style", "mosaic"},
                                            {"origin", "manual"},
                                            {"state", "accepted"}}});
  approve.residualCheck = {{"ran", true}, {"phi_findings_outside", 0}, {"override_reason", nullptr}};
  approve.maskedImages[image.id] = {"image/jpeg", maskedJpeg(image.width, image.height)};
  REQUIRE(modo.decidePost("p1", approve, api::newIdempotencyKey()).ok());
}
}  // namespace

TEST_CASE("stats/decisions: own figures per hour, action and kind, scope=all is for admins only") {
  Sandbox sb;
  auto modo = loginAs(sb.url(), "modo");
  auto verif = loginAs(sb.url(), "verif");
  auto admin = loginAs(sb.url(), "admin");
  approveP1(modo);
  auto lease = modo.claim("posts", "p2");
  REQUIRE(lease.ok());
  REQUIRE(modo.decidePost("p2", rejectPost(lease->leaseId, "not_medical"), api::newIdempotencyKey()).ok());
  auto regLease = verif.claim("registrations", "r1");
  REQUIRE(regLease.ok());
  api::RegistrationDecisionRequest approveReg{"approve", regLease->leaseId, "", "", nlohmann::json::array()};
  REQUIRE(verif.decideRegistration("r1", approveReg, api::newIdempotencyKey()).ok());

  const RawAnswer own = raw(sb.url(), "GET", "/api/v1/stats/decisions?" + kSinceEpoch, modo.token());
  REQUIRE(own.status == 200);
  CHECK(own.body["scope"] == "own");
  CHECK(own.body["total"] == 2);
  CHECK(own.body["per_action"]["approve"] == 1);
  CHECK(own.body["per_action"]["reject"] == 1);
  CHECK(own.body["regions_per_kind"]["text"]["accepted"] == 1);
  CHECK(own.body["regions_per_kind"]["text"]["dismissed"] == 1);
  CHECK(own.body["regions_per_kind"]["manual"]["accepted"] == 1);
  int counted = 0;  // both decided within this hour (or the one before, across a boundary)
  const std::int64_t thisHour = std::time(nullptr) / 3600 * 3600;
  for (const auto& bucket : own.body["per_hour"]) {
    const std::string hour = bucket["hour"];
    CHECK((hour == util::rfc3339(thisHour) || hour == util::rfc3339(thisHour - 3600)));
    counted += bucket["count"].get<int>();
  }
  CHECK(counted == 2);
  CHECK_FALSE(own.body.contains("per_user"));

  // A non-admin asking for everyone's decisions is refused explicitly, whatever else the query says.
  for (const auto* token : {&modo, &verif}) {
    const RawAnswer refused = raw(sb.url(), "GET", "/api/v1/stats/decisions?scope=all&" + kSinceEpoch, token->token());
    CHECK(refused.status == 403);
    CHECK(refused.body["error"] == "forbidden");
  }
  const RawAnswer all = raw(sb.url(), "GET", "/api/v1/stats/decisions?scope=all&" + kSinceEpoch, admin.token());
  REQUIRE(all.status == 200);
  CHECK(all.body["total"] == 3);
  CHECK(all.body["per_user"]["modo"] == 2);
  CHECK(all.body["per_user"]["verif"] == 1);
  CHECK(all.body["per_action"]["approve"] == 2);

  // The admin's own scope holds none of the others' decisions.
  const RawAnswer adminOwn = raw(sb.url(), "GET", "/api/v1/stats/decisions?" + kSinceEpoch, admin.token());
  REQUIRE(adminOwn.status == 200);
  CHECK(adminOwn.body["total"] == 0);
  // Decisions before `since` are not counted.
  const RawAnswer future = raw(sb.url(), "GET", "/api/v1/stats/decisions?since=2999-01-01T00:00:00Z", modo.token());
  REQUIRE(future.status == 200);
  CHECK(future.body["total"] == 0);
}

TEST_CASE("stats/decisions: authentication and parameters are checked") {
  Sandbox sb;
  auto modo = loginAs(sb.url(), "modo");
  CHECK(raw(sb.url(), "GET", "/api/v1/stats/decisions?" + kSinceEpoch).status == 401);
  CHECK(raw(sb.url(), "GET", "/api/v1/stats/decisions", modo.token()).status == 400);  // since is required
  CHECK(raw(sb.url(), "GET", "/api/v1/stats/decisions?since=yesterday", modo.token()).status == 400);
  CHECK(raw(sb.url(), "GET", "/api/v1/stats/decisions?scope=team&" + kSinceEpoch, modo.token()).status == 400);
}
