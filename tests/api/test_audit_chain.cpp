// API tests of the decision log's integrity: append-only (SQLite triggers) and hash-chained;
// `medpics-platform --verify-audit --data DIR` passes a clean log and names a modified or deleted entry.
#include "api_support.hpp"
#include "support/run_command.hpp"

#include <catch2/catch.hpp>

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
  const CommandResult update = runCommand("sqlite3 '" + db + "' \"UPDATE decisions SET decided_by = 'x' WHERE seq = 2\" 2>&1");
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
  REQUIRE(tamper(sb.dir.path(), "UPDATE decisions SET answer = replace(answer, 'not_medical', 'spam') WHERE seq = 2;").code == 0);
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
  REQUIRE(tamper(sb.dir.path(), "UPDATE decisions SET entry_hash = '" + std::string(64, 'a') + "' WHERE seq = 2;").code == 0);
  const CommandResult r = verify(sb.dir.path());
  INFO(r.out);
  CHECK(r.code == 1);
  CHECK(r.out.find("TAMPERED entry d3: chain broken") != std::string::npos);
}
