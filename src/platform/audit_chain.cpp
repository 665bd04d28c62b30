// Hash-chained, append-only decision log: schema migration, canonical hashing, append, verification.
#include "audit_chain.hpp"

#include "medpics/util/sha256.hpp"

#include <nlohmann/json.hpp>

namespace medpics::platform {

namespace {

bool hasColumn(Db& db, const std::string& table, const std::string& column) {
  Stmt q(db, "SELECT 1 FROM pragma_table_info('" + table + "') WHERE name = ?");
  q.bindAll(column);
  return q.step();
}

std::string entryId(int64_t seq) { return "d" + std::to_string(seq); }

}  // namespace

void installAuditChain(Db& db) {
  if (!hasColumn(db, "decisions", "prev_hash")) db.exec("ALTER TABLE decisions ADD COLUMN prev_hash TEXT NOT NULL DEFAULT ''");
  if (!hasColumn(db, "decisions", "entry_hash")) db.exec("ALTER TABLE decisions ADD COLUMN entry_hash TEXT NOT NULL DEFAULT ''");
  db.exec(R"SQL(
CREATE TABLE IF NOT EXISTS audit_head(id INTEGER PRIMARY KEY CHECK (id = 1), seq INTEGER NOT NULL, hash TEXT NOT NULL);
CREATE TRIGGER IF NOT EXISTS decisions_append_only_update BEFORE UPDATE ON decisions
  BEGIN SELECT RAISE(ABORT, 'the decision log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS decisions_append_only_delete BEFORE DELETE ON decisions
  BEGIN SELECT RAISE(ABORT, 'the decision log is append-only'); END;
)SQL");
}

std::string canonicalAuditText(const AuditEntry& e) {
  // nlohmann::json objects keep their keys sorted: dump() is canonical.
  const nlohmann::json j{{"seq", e.seq},          {"id", e.id},           {"subject_type", e.subjectType},
                         {"subject_id", e.subjectId}, {"decided_by", e.decidedBy}, {"decided_at", e.decidedAt},
                         {"answer", e.answer},    {"evidence", e.evidence}, {"prev_hash", e.prevHash}};
  return j.dump();
}

std::string auditEntryHash(const AuditEntry& entry) { return sha256Hex(canonicalAuditText(entry)); }

void appendAuditEntry(Db& db, AuditEntry& e) {
  e.prevHash = kGenesisHash;
  {
    Stmt last(db, "SELECT entry_hash FROM decisions WHERE seq = ?");
    last.bindAll(e.seq - 1);
    if (last.step()) e.prevHash = last.text(0);
  }
  const std::string hash = auditEntryHash(e);
  Stmt ins(db,
           "INSERT INTO decisions(seq, id, subject_type, subject_id, decided_by, decided_at, answer, evidence, "
           "prev_hash, entry_hash) VALUES(?,?,?,?,?,?,?,?,?,?)");
  ins.bindAll(e.seq, e.id, e.subjectType, e.subjectId, e.decidedBy, e.decidedAt, e.answer, e.evidence, e.prevHash, hash)
      .run();
  Stmt head(db, "INSERT INTO audit_head(id, seq, hash) VALUES(1, ?, ?) ON CONFLICT(id) DO UPDATE SET seq = excluded.seq, "
                "hash = excluded.hash");
  head.bindAll(e.seq, hash).run();
}

AuditReport verifyAuditChain(Db& db) {
  AuditReport report;
  std::string running = kGenesisHash;
  int64_t expected = 1;
  Stmt q(db,
         "SELECT seq, id, subject_type, subject_id, decided_by, decided_at, answer, evidence, prev_hash, entry_hash "
         "FROM decisions ORDER BY seq");
  while (q.step()) {
    AuditEntry e{q.integer(0), q.text(1), q.text(2), q.text(3), q.text(4), q.integer(5), q.text(6), q.text(7), q.text(8)};
    const std::string stored = q.text(9);
    for (; expected < e.seq; ++expected)
      report.problems.push_back({entryId(expected), "entry missing (deleted from the log)"});
    if (e.id != entryId(e.seq)) report.problems.push_back({entryId(e.seq), "entry id changed to '" + e.id + "'"});
    if (e.prevHash != running)
      report.problems.push_back({e.id, "chain broken: prev_hash does not match the entry before it"});
    if (auditEntryHash(e) != stored)
      report.problems.push_back({e.id, "content modified: its hash no longer matches"});
    running = stored;
    expected = e.seq + 1;
    ++report.entries;
  }
  report.headHash = running;
  Stmt head(db, "SELECT seq, hash FROM audit_head WHERE id = 1");
  if (head.step()) {
    for (; expected <= head.integer(0); ++expected)
      report.problems.push_back({entryId(expected), "entry missing (deleted from the end of the log)"});
    if (report.problems.empty() && head.text(1) != running)
      report.problems.push_back({entryId(head.integer(0)), "the head record does not match the last entry"});
  } else if (report.entries > 0) {
    report.problems.push_back({entryId(expected - 1), "the head record is missing"});
  }
  return report;
}

}  // namespace medpics::platform
