// API tests of registrations (approve / reject / request_info with checklist) and of the audit role rules.
#include "api_support.hpp"

#include <catch2/catch.hpp>

using namespace medpics;
using namespace medpics::test;

namespace {
api::Result<api::Decision> decide(api::PlatformClient& c, const std::string& id, const std::string& action,
                                  const std::string& reason, const std::string& message) {
  auto lease = c.claim("registrations", id);
  REQUIRE(lease.ok());
  api::RegistrationDecisionRequest d;
  d.action = action;
  d.leaseId = lease->leaseId;
  d.reasonCode = reason;
  d.message = message;
  d.checklist = nlohmann::json::array(
      {{{"check", "identifier_format"},
        {"status", "pass"},
        {"facts", {{{"code", "id.luhn_ok"}, {"params", {{"type", "RPPS"}, {"digits", "11"}}}}}}}});
  return c.decideRegistration(id, d, api::newIdempotencyKey());
}
}  // namespace

TEST_CASE("registrations show the applicant's claims and proof documents") {
  Sandbox sb;
  auto verif = loginAs(sb.url(), "verif");
  auto list = verif.listRegistrations();
  REQUIRE(list.ok());
  CHECK(list->total == 6);
  auto r1 = verif.registration("r1");
  REQUIRE(r1.ok());
  CHECK(r1->applicant.firstName == "Julien");
  CHECK(r1->applicant.rpps.size() == 11);
  REQUIRE(r1->documents.size() == 1);
  auto doc = verif.download(r1->documents[0].url);
  REQUIRE(doc.ok());
  CHECK(doc->data.size() == static_cast<size_t>(r1->documents[0].bytes));
}

TEST_CASE("registration decisions: approve, reject with a reason, request_info keeps it out of the queue") {
  Sandbox sb;
  auto verif = loginAs(sb.url(), "verif");
  auto approved = decide(verif, "r1", "approve", "", "");
  REQUIRE(approved.ok());
  CHECK(approved->subjectType == "registration");
  auto rejected = decide(verif, "r2", "reject", "invalid_identifier", "Votre numéro RPPS est invalide.");
  REQUIRE(rejected.ok());
  CHECK(rejected->reasonCode == "invalid_identifier");
  auto info =
      decide(verif, "r3", "request_info", "expired_card", "Merci d'envoyer une carte d'étudiant en cours de validité.");
  REQUIRE(info.ok());
  CHECK(verif.registration("r3")->status == "info_requested");
  CHECK(verif.registration("r1")->status == "approved");
  auto pending = verif.listRegistrations("pending");
  REQUIRE(pending.ok());
  CHECK(pending->total == 3);
  auto waiting = verif.listRegistrations("info_requested");
  REQUIRE(waiting.ok());
  REQUIRE(waiting->items.size() == 1);
  CHECK(waiting->items[0].id == "r3");
  auto full = verif.decision(rejected->decisionId);
  REQUIRE(full.ok());
  CHECK(full->raw["checklist"][0]["check"] == "identifier_format");
  // A reject without a reason or a message is 400 and changes nothing.
  auto bad = decide(verif, "r4", "reject", "", "Non.");
  CHECK(bad.error().httpStatus == 400);
  auto noMessage = decide(verif, "r4", "request_info", "", "");
  CHECK(noMessage.error().httpStatus == 400);
  CHECK(verif.registration("r4")->status == "pending");
}

TEST_CASE("decisions audit: moderators and verifiers see their own, admins see all") {
  Sandbox sb;
  auto modo = loginAs(sb.url(), "modo");
  auto verif = loginAs(sb.url(), "verif");
  auto admin = loginAs(sb.url(), "admin");
  auto lease = modo.claim("posts", "p3");
  REQUIRE(lease.ok());
  const api::PostDecisionRequest reject = rejectPost(lease->leaseId, "other", "Image hors sujet.");
  auto postDecision = modo.decidePost("p3", reject, api::newIdempotencyKey());
  REQUIRE(postDecision.ok());
  auto regDecision = decide(verif, "r5", "approve", "", "");
  REQUIRE(regDecision.ok());

  auto own = modo.decisions("decided_by=verif");
  REQUIRE(own.ok());
  REQUIRE(own->items.size() == 1);
  CHECK(own->items[0].decidedBy == "modo");
  auto all = admin.decisions();
  REQUIRE(all.ok());
  REQUIRE(all->items.size() == 2);
  CHECK(all->items[0].decisionId == regDecision->decisionId);  // newest first
  // Each item says what was decided: the applicant; the post's kind and author, and no caption for a rejected
  // post (only an approved post's published caption is shown).
  const auto& regSummary = all->items[0].raw.at("subject_summary");
  const api::Applicant applicant = verif.registration("r5")->applicant;
  CHECK(regSummary.at("applicant").get<std::string>() == applicant.firstName + " " + applicant.lastName);
  const auto& postSummary = all->items[1].raw.at("subject_summary");
  CHECK(postSummary.at("kind") == modo.post("p3")->kind);
  CHECK(postSummary.at("author") == modo.post("p3")->author.displayName);
  CHECK(postSummary.at("published_caption").is_null());
  auto onlyPosts = admin.decisions("subject_type=post");
  REQUIRE(onlyPosts.ok());
  CHECK(onlyPosts->items.size() == 1);
  auto future = admin.decisions("since=2999-01-01T00:00:00Z");
  REQUIRE(future.ok());
  CHECK(future->items.empty());
  auto foreign = modo.decision(regDecision->decisionId);
  REQUIRE_FALSE(foreign.ok());
  CHECK(foreign.error().httpStatus == 403);
  CHECK(admin.decision(regDecision->decisionId).ok());
  CHECK(modo.decision(postDecision->decisionId)->raw["message"] == "Image hors sujet.");
}

TEST_CASE("registrations can be searched by claimed identifier (duplicate-account check)") {
  Sandbox sb;
  auto verif = loginAs(sb.url(), "verif");
  auto r1 = verif.registration("r1");
  REQUIRE(r1.ok());
  const std::string rpps = r1->applicant.rpps;
  auto same = verif.listRegistrations("all", 100, {}, rpps);
  REQUIRE(same.ok());
  REQUIRE(same->total >= 1);
  bool found = false;
  for (const auto& item : same->items) found = found || item.id == "r1";
  CHECK(found);
  auto none = verif.listRegistrations("all", 100, {}, "10000000000");
  REQUIRE(none.ok());
  CHECK(none->total == 0);
  CHECK(none->items.empty());
}
