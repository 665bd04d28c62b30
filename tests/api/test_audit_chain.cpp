// API tests of the decision log's integrity: append-only (SQLite triggers) and hash-chained;
// `medpics-platform --verify-audit --data DIR` passes a clean log and names a modified or deleted entry.
#include "api_support.hpp"
#include "support/run_command.hpp"

#include <catch2/catch.hpp>

#include "medpics/util/sha256.hpp"

#include <nlohmann/json.hpp>

#include <fstream>

using namespace medpics;
using namespace medpics::test;
namespace fs = std::filesystem;

namespace {

// Three decisions by modo (d1, d2, d3), then the server is stopped so the log can be inspected.
void decideThree(Sandbox& sb) {
  auto modo = loginAs(sb.url(), "modo");
  for (const char* id : {"p1", "p2", "p3"}) {
    auto lease = modo.claim("posts", id);
    REQUIRE(lease.ok());
    REQUIRE(modo.decidePost(id, rejectPost(lease->leaseId, "not_medical"), api::newIdempotencyKey()).ok());
  }
  sb.server.stop();
}

CommandResult verify(const fs::path& dir) {
  return runCommand(std::string(MEDPICS_BIN_DIR) + "/medpics-platform --verify-audit --data '" + dir.string() + "'");
}

// Runs SQL on the log the way an attacker with file access would (triggers dropped first).
CommandResult tamper(const fs::path& dir, const std::string& sql) {
  const fs::path script = dir / "tamper.sql";
  std::ofstream(script) << "DROP TRIGGER decisions_append_only_update;\nDROP TRIGGER decisions_append_only_delete;\n"
                        << "DROP TRIGGER IF EXISTS idempotency_append_only_update;\n"
                        << "DROP TRIGGER IF EXISTS idempotency_append_only_delete;\n"
                        << sql << "\n";
  return runCommand("sqlite3 '" + (dir / "platform.db").string() + "' < '" + script.string() + "' 2>&1");
}

}  // namespace

TEST_CASE("a clean decision log passes --verify-audit") {
  Sandbox sb;
  decideThree(sb);
  const CommandResult r = verify(sb.dir.path());
  INFO(r.out);
  CHECK(r.code == 0);
  CHECK(r.out.find("audit log intact: 3 entries") != std::string::npos);
}

TEST_CASE("the decision log refuses updates and deletions") {
  Sandbox sb;
  decideThree(sb);
  const std::string db = (sb.dir.path() / "platform.db").string();
  const CommandResult update =
      runCommand("sqlite3 '" + db + "' \"UPDATE decisions SET decided_by = 'x' WHERE seq = 2\" 2>&1");
  CHECK(update.code != 0);
  CHECK(update.out.find("append-only") != std::string::npos);
  const CommandResult erase = runCommand("sqlite3 '" + db + "' 'DELETE FROM decisions WHERE seq = 2' 2>&1");
  CHECK(erase.code != 0);
  CHECK(erase.out.find("append-only") != std::string::npos);
  CHECK(verify(sb.dir.path()).code == 0);
}

TEST_CASE("the audit check (--verify-audit) names a modified entry") {
  Sandbox sb;
  decideThree(sb);
  REQUIRE(tamper(sb.dir.path(), "UPDATE decisions SET answer = replace(answer, 'not_medical', 'spam') WHERE seq = 2;")
              .code == 0);
  const CommandResult r = verify(sb.dir.path());
  INFO(r.out);
  CHECK(r.code == 1);
  CHECK(r.out.find("TAMPERED entry d2: content modified") != std::string::npos);
  CHECK(r.out.find("entry d1") == std::string::npos);
  CHECK(r.out.find("entry d3") == std::string::npos);
}

TEST_CASE("the audit check (--verify-audit) names a deleted entry, in the middle or at the end") {
  Sandbox sb;
  decideThree(sb);
  SECTION("middle") {
    REQUIRE(tamper(sb.dir.path(), "DELETE FROM decisions WHERE seq = 2;").code == 0);
    const CommandResult r = verify(sb.dir.path());
    INFO(r.out);
    CHECK(r.code == 1);
    CHECK(r.out.find("TAMPERED entry d2: entry missing") != std::string::npos);
  }
  SECTION("end") {
    REQUIRE(tamper(sb.dir.path(), "DELETE FROM decisions WHERE seq = 3;").code == 0);
    const CommandResult r = verify(sb.dir.path());
    INFO(r.out);
    CHECK(r.code == 1);
    CHECK(r.out.find("TAMPERED entry d3: entry missing") != std::string::npos);
  }
}

TEST_CASE("the audit check (--verify-audit) detects an entry whose stored hash was rewritten") {
  // Changing content and its own hash still breaks the link from the next entry.
  Sandbox sb;
  decideThree(sb);
  REQUIRE(
      tamper(sb.dir.path(), "UPDATE decisions SET entry_hash = '" + std::string(64, 'a') + "' WHERE seq = 2;").code ==
      0);
  const CommandResult r = verify(sb.dir.path());
  INFO(r.out);
  CHECK(r.code == 1);
  CHECK(r.out.find("TAMPERED entry d3: chain broken") != std::string::npos);
}

TEST_CASE("the audit check (--verify-audit) detects a changed status, with or without a decision", "[audit]") {
  Sandbox sb;
  decideThree(sb);  // p1..p3 rejected by d1..d3; p4 and the others pending
  SECTION("a rejected post made approved") {
    REQUIRE(tamper(sb.dir.path(), "UPDATE posts SET status = 'approved' WHERE id = 'p2';").code == 0);
    const CommandResult r = verify(sb.dir.path());
    INFO(r.out);
    CHECK(r.code == 1);
    CHECK(r.out.find("TAMPERED entry post p2: status 'approved' but d2 set 'rejected'") != std::string::npos);
    CHECK(r.out.find("first entry that does not verify: post p2") != std::string::npos);
  }
  SECTION("a pending post made approved") {
    REQUIRE(tamper(sb.dir.path(), "UPDATE posts SET status = 'approved' WHERE id = 'p4';").code == 0);
    const CommandResult r = verify(sb.dir.path());
    INFO(r.out);
    CHECK(r.code == 1);
    CHECK(r.out.find("TAMPERED entry post p4: status 'approved' but no decision in the log") != std::string::npos);
  }
}

TEST_CASE("the audit check (--verify-audit) detects a changed idempotency answer", "[audit]") {
  Sandbox sb;
  decideThree(sb);
  REQUIRE(tamper(sb.dir.path(),
                 "UPDATE idempotency SET body = replace(body, 'not_medical', 'spam') "
                 "WHERE subject_id = 'p2';")
              .code == 0);
  const CommandResult r = verify(sb.dir.path());
  INFO(r.out);
  CHECK(r.code == 1);
  CHECK(r.out.find("TAMPERED entry a2: content modified") != std::string::npos);
  CHECK(r.out.find("first entry that does not verify: a2") != std::string::npos);
}

TEST_CASE("the audit check (--verify-audit) names an entry forged after the head, not the head's", "[audit]") {
  // A well-formed d4 (correct link and hash) deciding p4, with p4's status to match: only the head record,
  // which the forger did not move, tells it apart.
  Sandbox sb;
  decideThree(sb);
  const std::string db = (sb.dir.path() / "platform.db").string();
  const CommandResult row = runCommand("sqlite3 -json '" + db + "' 'SELECT * FROM decisions WHERE seq = 3'");
  REQUIRE(row.code == 0);
  nlohmann::json d = nlohmann::json::parse(row.out).at(0);
  nlohmann::json canonical{{"seq", 4},
                           {"id", "d4"},
                           {"subject_type", "post"},
                           {"subject_id", "p4"},
                           {"decided_by", d["decided_by"]},
                           {"decided_at", d["decided_at"]},
                           {"answer", d["answer"]},
                           {"evidence", d["evidence"]},
                           {"prev_hash", d["entry_hash"]},
                           {"subject_status", "approved"}};
  const std::string hash = sha256Hex(canonical.dump());
  auto quote = [](const std::string& text) {
    std::string out = "'";
    for (char c : text) out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
  };
  REQUIRE(tamper(sb.dir.path(),
                 "INSERT INTO decisions(seq, id, subject_type, subject_id, decided_by, decided_at, answer, evidence, "
                 "prev_hash, entry_hash, subject_status) VALUES(4, 'd4', 'post', 'p4', " +
                     quote(d["decided_by"]) + ", " + std::to_string(d["decided_at"].get<long long>()) + ", " +
                     quote(d["answer"]) + ", " + quote(d["evidence"]) + ", " + quote(d["entry_hash"]) + ", '" + hash +
                     "', 'approved');\nUPDATE posts SET status = 'approved', decision_id = 'd4' WHERE id = 'p4';")
              .code == 0);
  const CommandResult r = verify(sb.dir.path());
  INFO(r.out);
  CHECK(r.code == 1);
  CHECK(r.out.find("TAMPERED entry d4: entry after the head record") != std::string::npos);
  CHECK(r.out.find("first entry that does not verify: d4") != std::string::npos);
  CHECK(r.out.find("entry d3") == std::string::npos);
}
