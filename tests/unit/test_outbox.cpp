// Unit tests of the outbox journal (durability settings, states, retry schedule, re-keying) and the backoff.
#include "medpics/work/decision_payload.hpp"
#include "medpics/work/outbox.hpp"
#include "medpics/work/outbox_sender.hpp"
#include "support/temp_dir.hpp"

#include "medpics/work/decision_codec.hpp"

#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <fstream>

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
  work::DecisionDraft d;
  d.subjectId = postId;
  d.action = work::DecisionAction::Reject;
  d.leaseId = "L-" + postId;
  d.reasonCode = "poor_quality";
  return work::journalEntry(d);
}

std::string fileText(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
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
  CHECK(pending[0].draft.leaseId == "L-p1");
  CHECK(pending[0].draft.reasonCode == "poor_quality");
  CHECK(pending[0].draft.action == work::DecisionAction::Reject);
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
  outbox.rekey(a.key, "K2", "L-new");
  CHECK_FALSE(outbox.get(a.key));
  const auto moved = outbox.byRow(row);
  REQUIRE(moved);
  CHECK(moved->key == "K2");
  CHECK(moved->draft.leaseId == "L-new");
  CHECK(moved->draft.reasonCode == "poor_quality");
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

namespace {
// An approval as the desk drafts it, with patient text wherever a decision can carry some.
work::DecisionDraft phiApproval() {
  work::DecisionDraft d;
  d.subjectId = "p9";
  d.action = work::DecisionAction::Approve;
  d.leaseId = "L1";
  mask::Region name;
  name.box = {1, 2, 30, 4};
  name.style = mask::Style::Mosaic;
  name.origin = mask::Origin::Auto;
  name.kind = "text";
  name.category = "name";
  name.text = "LEGRAND Lucas";  // what OCR read
  mask::Region ipp = name;
  ipp.state = mask::State::Dismissed;
  ipp.text = "IPP 6233785451";
  mask::Region poly;
  poly.shape = mask::Shape::Polygon;
  poly.points = {{1, 2}, {30, 2}, {30, 40}};
  d.images.push_back({"i1", 424242u, {name, ipp, poly}});
  d.images.push_back({"i2", 7u, {}});
  work::ResidualRecord residual;
  residual.ran = true;
  residual.phiFindingsOutside = 1;
  residual.overrideReason = "nom du médecin, pas du patient";
  residual.findings.push_back({"i1", "text", "name", cv::Rect(5, 6, 7, 8), 0.9, 0.0});
  d.residual = residual;
  d.captionSpans = {{20, 26}};
  d.caption = "Fracture du radius chez […], Né(e) le 20/05/2012";
  return d;
}
}  // namespace

TEST_CASE("decision codec: the wire form round-trips and region text never leaves the desk") {
  const auto d = phiApproval();
  const auto wire = work::toJson(d, work::Disclosure::Wire);
  CHECK(wire["caption"] == *d.caption);
  CHECK(wire["caption_spans_masked"] == nlohmann::json::array({{20, 26}}));
  CHECK(wire["regions"].size() == 3);
  CHECK(wire["regions"][0]["image_id"] == "i1");
  CHECK_FALSE(wire.contains("mask_seeds"));  // the server has no use for them
  CHECK(wire.dump().find("LEGRAND") == std::string::npos);
  CHECK(wire.dump().find("6233785451") == std::string::npos);
  const auto back = work::draftFromJson(wire, work::SubjectKind::Post, "p9");
  CHECK(back.action == work::DecisionAction::Approve);
  CHECK(back.leaseId == "L1");
  REQUIRE(back.images.size() == 1);  // i2 has no region: only the journal form names it (for its seed)
  REQUIRE(back.images[0].regions.size() == 3);
  CHECK(back.images[0].regions[0].box == cv::Rect(1, 2, 30, 4));
  CHECK(back.images[0].regions[0].style == mask::Style::Mosaic);
  CHECK(back.images[0].regions[0].origin == mask::Origin::Auto);
  CHECK(back.images[0].regions[0].category == "name");
  CHECK(back.images[0].regions[1].state == mask::State::Dismissed);
  CHECK(back.images[0].regions[2].points.size() == 3);
  CHECK(back.caption == d.caption);
  REQUIRE(back.residual);
  CHECK(back.residual->overrideReason == d.residual->overrideReason);
  CHECK(back.residual->findings.at(0).box == cv::Rect(5, 6, 7, 8));
  CHECK(work::toJson(back, work::Disclosure::Wire) == wire);  // one canonical form
}

TEST_CASE("decision codec: malformed bodies name the field") {
  const auto wire = work::toJson(phiApproval(), work::Disclosure::Wire);
  auto fails = [](nlohmann::json body, const std::string& field) {
    INFO(body.dump());
    try {
      work::draftFromJson(body, work::SubjectKind::Post);
      FAIL("accepted");
    } catch (const work::DecisionFormatError& e) {
      CHECK(std::string(e.what()).find(field) != std::string::npos);
    }
  };
  auto b = wire;
  b["regions"][1]["style"] = "pixelate";
  fails(b, "regions[1].style");
  b = wire;
  b["regions"][0]["box"][2] = 0;
  fails(b, "regions[0].box");
  b = wire;
  b["lease_id"] = 5;
  fails(b, "lease_id");
  b = wire;
  b["action"] = "request_info";  // registrations only
  fails(b, "action");
  b = wire;
  b["caption_spans_masked"] = {{1}};
  fails(b, "caption_spans_masked");
  const std::vector<std::string> images{"i7"};
  try {
    work::draftFromJson(wire, work::SubjectKind::Post, "p9", &images);
    FAIL("accepted");
  } catch (const work::DecisionFormatError& e) {
    CHECK(std::string(e.what()).find("regions[0].image_id") != std::string::npos);
  }
  nlohmann::json reg{{"action", "reject"}, {"lease_id", "L"}, {"checklist", {{{"check", "x"}, {"status", "maybe"}}}}};
  try {
    work::draftFromJson(reg, work::SubjectKind::Registration);
    FAIL("accepted");
  } catch (const work::DecisionFormatError& e) {
    CHECK(std::string(e.what()).find("checklist[0].status") != std::string::npos);
  }
}

TEST_CASE("outbox: an approval is journalled with ids, geometry, codes and seeds — no patient text, no bytes") {
  TempDir dir;
  const auto file = dir.path() / "outbox.db";
  auto draft = phiApproval();
  work::DecisionDraft registration;
  registration.subject = work::SubjectKind::Registration;
  registration.subjectId = "r4";
  registration.action = work::DecisionAction::Approve;
  registration.leaseId = "L2";
  registration.checklist = {
      {"identifier_format", "pass", {{"id.luhn_ok", {{"type", "RPPS"}, {"digits", "11"}}}}, std::nullopt, false},
      {"name_match", "pass", {{"name.last", {{"how", "exact"}}}}, 0.97, false}};
  std::int64_t row = 0, regRow = 0;
  {
    work::Outbox outbox(file);
    row = outbox.add(work::journalEntry(draft));
    regRow = outbox.add(work::journalEntry(registration));
  }
  work::Outbox outbox(file);
  const auto back = outbox.byRow(row).value().draft;
  REQUIRE(back.images.size() == 2);
  CHECK(back.images[0].maskSeed == 424242u);
  CHECK(back.images[1].maskSeed == 7u);  // an image without regions keeps its seed
  CHECK(back.images[0].regions.size() == 3);
  CHECK(back.images[0].regions[0].text.empty());
  CHECK(back.captionSpans == draft.captionSpans);
  CHECK_FALSE(back.caption);  // made again from the server's caption and the spans when sent after a restart
  CHECK(back.residual->overrideReason == draft.residual->overrideReason);
  const auto reg = outbox.byRow(regRow).value().draft;
  REQUIRE(reg.checklist.size() == 2);
  CHECK(reg.checklist[1].status == "pass");
  CHECK(reg.checklist[1].score == Approx(0.97));
  REQUIRE(reg.checklist[1].facts.size() == 1);  // codes and public parameters are journalled
  CHECK(reg.checklist[1].facts[0].code == "name.last");
  CHECK(reg.checklist[1].facts[0].params == std::vector<std::pair<std::string, std::string>>{{"how", "exact"}});
  // Byte scan of the journal and its WAL.
  std::string bytes = fileText(file) + fileText(file.string() + "-wal");
  for (const char* phi : {"LEGRAND", "6233785451", "20/05/2012", "Fracture", "10001045367", "MOREAU"}) {
    INFO(phi);
    CHECK(bytes.find(phi) == std::string::npos);
  }
}

TEST_CASE("outbox: a journal written with patient text is scrubbed when opened") {
  TempDir dir;
  const auto file = dir.path() / "outbox.db";
  { work::Outbox create(file); }
  // A row as the desk wrote it before the typed draft: OCR text in a region, the caption in clear.
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(file.c_str(), &db) == SQLITE_OK);
  const std::string old =
      R"({"action":"approve","lease_id":"L1","regions":[{"image_id":"i1","shape":"rect","box":[1,2,3,4],"style":"solid",)"
      R"("origin":"auto","state":"accepted","text":"IPP 6233785451"}],"caption":"LEGRAND Lucas","mask_seeds":{"i1":5}})";
  const std::string sql =
      "INSERT INTO outbox(idem_key, subject_type, subject_id, action, decision, state, created_ms, "
      "next_ms) VALUES('K','post','p1','approve','" +
      old + "','pending',0,0)";
  REQUIRE(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
  REQUIRE(fileText(file).find("LEGRAND") != std::string::npos);  // the scan sees it before
  {
    work::Outbox outbox(file);
    const auto e = outbox.get("K").value();
    CHECK(e.draft.images.at(0).maskSeed == 5u);
    CHECK(e.draft.images.at(0).regions.at(0).box == cv::Rect(1, 2, 3, 4));
  }
  const std::string bytes = fileText(file) + fileText(file.string() + "-wal");
  CHECK(bytes.find("LEGRAND") == std::string::npos);
  CHECK(bytes.find("6233785451") == std::string::npos);
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
