// Unit tests of the outbox journal (durability settings, states, retry schedule, re-keying) and the backoff.
#include "medpics/work/decision_payload.hpp"
#include "medpics/work/outbox.hpp"
#include "medpics/work/outbox_sender.hpp"
#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>
#include <sqlite3.h>

using namespace medpics;
using medpics::test::TempDir;

namespace {
std::string pragma(const std::filesystem::path& file, const std::string& name) {
  sqlite3* db = nullptr;
  sqlite3_open(file.c_str(), &db);
  sqlite3_stmt* q = nullptr;
  sqlite3_prepare_v2(db, ("PRAGMA " + name).c_str(), -1, &q, nullptr);
  std::string value = sqlite3_step(q) == SQLITE_ROW ? reinterpret_cast<const char*>(sqlite3_column_text(q, 0)) : "";
  sqlite3_finalize(q);
  sqlite3_close(db);
  return value;
}

work::OutboxEntry reject(const std::string& postId) {
  api::PostDecisionRequest r;
  r.action = "reject";
  r.leaseId = "L-" + postId;
  r.reasonCode = "poor_quality";
  return work::postEntry(postId, r, {});
}
}  // namespace

TEST_CASE("outbox: the journal is WAL with synchronous FULL and survives reopening") {
  TempDir dir;
  const auto file = dir.path() / "deep/folder/outbox.db";
  std::string key;
  {
    work::Outbox outbox(file);
    auto e = reject("p1");
    key = e.key;
    CHECK(outbox.add(e) > 0);
    CHECK(pragma(file, "journal_mode") == "wal");
  }
  work::Outbox reopened(file);
  const auto pending = reopened.pending();
  REQUIRE(pending.size() == 1);
  CHECK(pending[0].key == key);
  CHECK(pending[0].subjectId == "p1");
  CHECK(pending[0].decision["lease_id"] == "L-p1");
  CHECK(pending[0].decision["reason_code"] == "poor_quality");
  CHECK(pending[0].state == work::OutboxState::Pending);
  CHECK((std::filesystem::status(file).permissions() & std::filesystem::perms::others_read) ==
        std::filesystem::perms::none);
}

TEST_CASE("outbox: states pending → retry later → sent / failed, and counts") {
  TempDir dir;
  work::Outbox outbox(dir.path() / "outbox.db");
  auto a = reject("p1"), b = reject("p2"), c = reject("p3");
  outbox.add(a);
  outbox.add(b);
  outbox.add(c);
  const double now = work::unixNow();
  CHECK(outbox.due(now).size() == 3);
  outbox.markRetry(a.key, "HTTP 503", now + 60);
  auto due = outbox.due(now);
  REQUIRE(due.size() == 2);
  CHECK(due[0].key == b.key);  // oldest first
  CHECK(outbox.nextDueAt().value() <= now + 0.01);
  outbox.markSent(b.key, "d7");
  outbox.markFailed(c.key, "409 already_decided");
  CHECK(outbox.due(now).empty());
  CHECK(outbox.nextDueAt().value() == Approx(now + 60).margin(0.01));
  CHECK(outbox.due(now + 61).size() == 1);
  const auto counts = outbox.counts();
  CHECK(counts.pending == 1);
  CHECK(counts.sent == 1);
  CHECK(counts.failed == 1);
  CHECK(outbox.get(a.key)->attempts == 1);
  CHECK(outbox.get(a.key)->lastError == "HTTP 503");
  CHECK(outbox.get(b.key)->decisionId == "d7");
  CHECK(outbox.recent(2)[0].key == c.key);  // newest first
}

TEST_CASE("outbox: re-keying keeps the row and its order, with the new lease") {
  TempDir dir;
  work::Outbox outbox(dir.path() / "outbox.db");
  auto a = reject("p1");
  const auto row = outbox.add(a);
  auto decision = a.decision;
  decision["lease_id"] = "L-new";
  outbox.rekey(a.key, "K2", decision);
  CHECK_FALSE(outbox.get(a.key));
  const auto moved = outbox.byRow(row);
  REQUIRE(moved);
  CHECK(moved->key == "K2");
  CHECK(moved->decision["lease_id"] == "L-new");
}

TEST_CASE("outbox: sent entries can be pruned, pending ones never") {
  TempDir dir;
  work::Outbox outbox(dir.path() / "outbox.db");
  auto a = reject("p1"), b = reject("p2");
  outbox.add(a);
  outbox.add(b);
  outbox.markSent(a.key, "d1");
  outbox.pruneSent(work::unixNow() + 1);
  CHECK_FALSE(outbox.get(a.key));
  CHECK(outbox.get(b.key));
}

TEST_CASE("outbox: a post approval is journalled with geometry and seeds, without image bytes") {
  api::PostDecisionRequest r;
  r.action = "approve";
  r.leaseId = "L1";
  r.regions = nlohmann::json::array({{{"image_id", "i1"}, {"shape", "rect"}, {"box", {1, 2, 3, 4}}, {"style", "mosaic"}}});
  r.residualCheck = {{"ran", true}, {"phi_findings_outside", 0}};
  r.caption = "Fracture chez […]";
  r.maskedImages["i1"] = {"image/jpeg", std::string("\xFF\xD8\xFF\xE0 masked pixels", 19)};
  const auto entry = work::postEntry("p9", r, {{"i1", 424242u}});
  const std::string text = entry.decision.dump();
  CHECK(text.find("masked pixels") == std::string::npos);
  CHECK(entry.decision["mask_seeds"]["i1"] == 424242u);
  const auto back = work::postRequestFromJson(entry.decision);
  CHECK(back.action == "approve");
  CHECK(back.leaseId == "L1");
  CHECK(back.regions == r.regions);
  CHECK(back.caption == r.caption);
  CHECK(back.residualCheck == r.residualCheck);
  CHECK(back.maskedImages.empty());
}

TEST_CASE("outbox: backoff doubles from the initial delay up to the cap, with 50-100 % jitter") {
  work::SenderOptions o;
  o.initialDelaySeconds = 0.5;
  o.maxDelaySeconds = 30;
  CHECK(work::backoffDelay(o, 0, 1.0) == Approx(0.5));
  CHECK(work::backoffDelay(o, 0, 0.0) == Approx(0.25));
  CHECK(work::backoffDelay(o, 3, 1.0) == Approx(4.0));
  CHECK(work::backoffDelay(o, 20, 1.0) == Approx(30.0));
  CHECK(work::backoffDelay(o, 20, 0.0) == Approx(15.0));
  CHECK(work::backoffDelay(o, 1000, 0.5) == Approx(22.5));
}
