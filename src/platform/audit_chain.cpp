// Hash-chained, append-only decision log and idempotency answers: schema migration, canonical hashing, append,
// verification (chains, head records, subjects' statuses, replayed answers).
#include "audit_chain.hpp"

#include "medpics/util/sha256.hpp"

#include <nlohmann/json.hpp>

#include <map>

namespace medpics::platform {

namespace {

bool hasColumn(Db& db, const std::string& table, const std::string& column) {
  Stmt q(db, "SELECT 1 FROM pragma_table_info('" + table + "') WHERE name = ?");
  q.bindAll(column);
  return q.step();
}

std::string entryId(int64_t seq) { return "d" + std::to_string(seq); }
std::string answerId(int64_t seq) { return "a" + std::to_string(seq); }

constexpr int kDecisionHead = 1, kAnswerHead = 2;

void moveHead(Db& db, int head, int64_t seq, const std::string& hash) {
  Stmt q(db,
         "INSERT INTO audit_head(id, seq, hash) VALUES(?, ?, ?) ON CONFLICT(id) DO UPDATE SET seq = excluded.seq, "
         "hash = excluded.hash");
  q.bindAll(head, seq, hash).run();
}

AnswerEntry answerAt(Stmt& q) {
  return AnswerEntry{q.integer(0), q.text(1), q.text(2),    q.text(3), q.text(4),
                     q.integer(5), q.text(6), q.integer(7), q.text(8)};
}
const char* kAnswerColumns = "chain_seq, user_id, subject_type, subject_id, key, status, body, created_at, prev_hash";

// Answers stored before the chain existed are chained once, in insertion order.
void chainLegacyAnswers(Db& db) {
  std::vector<std::pair<int64_t, AnswerEntry>> legacy;
  {
    Stmt q(db, std::string("SELECT ") + kAnswerColumns + ", rowid FROM idempotency WHERE chain_seq = 0 ORDER BY rowid");
    while (q.step()) legacy.emplace_back(q.integer(9), answerAt(q));
  }
  for (auto& [rowid, e] : legacy) {
    int64_t seq = 1;
    e.prevHash = kGenesisHash;
    {
      Stmt last(db,
                "SELECT chain_seq, entry_hash FROM idempotency WHERE chain_seq > 0 ORDER BY chain_seq DESC LIMIT 1");
      if (last.step()) seq = last.integer(0) + 1, e.prevHash = last.text(1);
    }
    e.seq = seq;
    const std::string hash = answerEntryHash(e);
    Stmt up(db, "UPDATE idempotency SET chain_seq = ?, prev_hash = ?, entry_hash = ? WHERE rowid = ?");
    up.bindAll(seq, e.prevHash, hash, rowid).run();
    moveHead(db, kAnswerHead, seq, hash);
  }
}

}  // namespace

void installAuditChain(Db& db) {
  if (!hasColumn(db, "decisions", "prev_hash"))
    db.exec("ALTER TABLE decisions ADD COLUMN prev_hash TEXT NOT NULL DEFAULT ''");
  if (!hasColumn(db, "decisions", "entry_hash"))
    db.exec("ALTER TABLE decisions ADD COLUMN entry_hash TEXT NOT NULL DEFAULT ''");
  if (!hasColumn(db, "decisions", "subject_status"))
    db.exec("ALTER TABLE decisions ADD COLUMN subject_status TEXT NOT NULL DEFAULT ''");
  const bool newAnswerChain = !hasColumn(db, "idempotency", "chain_seq");
  if (newAnswerChain) {
    db.exec("ALTER TABLE idempotency ADD COLUMN chain_seq INTEGER NOT NULL DEFAULT 0");
    db.exec("ALTER TABLE idempotency ADD COLUMN prev_hash TEXT NOT NULL DEFAULT ''");
    db.exec("ALTER TABLE idempotency ADD COLUMN entry_hash TEXT NOT NULL DEFAULT ''");
  }
  db.exec(R"SQL(
CREATE TABLE IF NOT EXISTS audit_head(id INTEGER PRIMARY KEY CHECK (id IN (1, 2)), seq INTEGER NOT NULL, hash TEXT NOT NULL);
CREATE TRIGGER IF NOT EXISTS decisions_append_only_update BEFORE UPDATE ON decisions
  BEGIN SELECT RAISE(ABORT, 'the decision log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS decisions_append_only_delete BEFORE DELETE ON decisions
  BEGIN SELECT RAISE(ABORT, 'the decision log is append-only'); END;
)SQL");
  if (newAnswerChain) chainLegacyAnswers(db);
  db.exec(R"SQL(
CREATE TRIGGER IF NOT EXISTS idempotency_append_only_update BEFORE UPDATE ON idempotency
  BEGIN SELECT RAISE(ABORT, 'stored answers are append-only'); END;
CREATE TRIGGER IF NOT EXISTS idempotency_append_only_delete BEFORE DELETE ON idempotency
  BEGIN SELECT RAISE(ABORT, 'stored answers are append-only'); END;
)SQL");
}

std::string canonicalAuditText(const AuditEntry& e) {
  // nlohmann::json objects keep their keys sorted: dump() is canonical.
  nlohmann::json j{{"seq", e.seq},
                   {"id", e.id},
                   {"subject_type", e.subjectType},
                   {"subject_id", e.subjectId},
                   {"decided_by", e.decidedBy},
                   {"decided_at", e.decidedAt},
                   {"answer", e.answer},
                   {"evidence", e.evidence},
                   {"prev_hash", e.prevHash}};
  if (!e.subjectStatus.empty()) j["subject_status"] = e.subjectStatus;  // entries written before it keep their hash
  return j.dump();
}

std::string auditEntryHash(const AuditEntry& entry) { return sha256Hex(canonicalAuditText(entry)); }

std::string answerEntryHash(const AnswerEntry& e) {
  const nlohmann::json j{{"seq", e.seq},
                         {"user_id", e.userId},
                         {"subject_type", e.subjectType},
                         {"subject_id", e.subjectId},
                         {"key", e.key},
                         {"status", e.status},
                         {"body", e.body},
                         {"created_at", e.createdAt},
                         {"prev_hash", e.prevHash}};
  return sha256Hex(j.dump());
}

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
           "prev_hash, entry_hash, subject_status) VALUES(?,?,?,?,?,?,?,?,?,?,?)");
  ins.bindAll(e.seq, e.id, e.subjectType, e.subjectId, e.decidedBy, e.decidedAt, e.answer, e.evidence, e.prevHash, hash,
              e.subjectStatus)
      .run();
  moveHead(db, kDecisionHead, e.seq, hash);
}

void appendAnswerEntry(Db& db, AnswerEntry& e) {
  e.seq = 1;
  e.prevHash = kGenesisHash;
  {
    Stmt last(db, "SELECT chain_seq, entry_hash FROM idempotency ORDER BY chain_seq DESC LIMIT 1");
    if (last.step()) e.seq = last.integer(0) + 1, e.prevHash = last.text(1);
  }
  const std::string hash = answerEntryHash(e);
  Stmt ins(db,
           "INSERT INTO idempotency(user_id, subject_type, subject_id, key, status, body, created_at, chain_seq, "
           "prev_hash, entry_hash) VALUES(?,?,?,?,?,?,?,?,?,?)");
  ins.bindAll(e.userId, e.subjectType, e.subjectId, e.key, e.status, e.body, e.createdAt, e.seq, e.prevHash, hash)
      .run();
  moveHead(db, kAnswerHead, e.seq, hash);
}

namespace {

// Checks one chain given its rows in sequence order: gaps, links, hashes, then entries past the head record
// (forged after it) or missing at its end. `rows` yields (seq, recomputed hash, prev_hash, stored hash, id problem).
struct ChainRow {
  int64_t seq;
  std::string recomputed, prevHash, stored, idProblem;
};
void verifyChain(Db& db, const std::vector<ChainRow>& rows, int headId, std::string (*name)(int64_t),
                 AuditReport& report, std::string* headHash) {
  std::string running = kGenesisHash;
  int64_t expected = 1;
  int64_t headSeq = -1;
  std::string headText;
  {
    Stmt head(db, "SELECT seq, hash FROM audit_head WHERE id = ?");
    head.bindAll(headId);
    if (head.step()) headSeq = head.integer(0), headText = head.text(1);
  }
  std::string hashAtHead;
  for (const ChainRow& r : rows) {
    for (; expected < r.seq; ++expected)
      report.problems.push_back({name(expected), "entry missing (deleted from the log)"});
    if (!r.idProblem.empty()) report.problems.push_back({name(r.seq), r.idProblem});
    if (r.prevHash != running)
      report.problems.push_back({name(r.seq), "chain broken: prev_hash does not match the entry before it"});
    if (r.recomputed != r.stored)
      report.problems.push_back({name(r.seq), "content modified: its hash no longer matches"});
    if (headSeq >= 0 && r.seq > headSeq)
      report.problems.push_back({name(r.seq), "entry after the head record (added behind the server's back)"});
    if (r.seq == headSeq) hashAtHead = r.stored;
    running = r.stored;
    expected = r.seq + 1;
  }
  if (headHash) *headHash = running;
  if (headSeq >= 0) {
    for (; expected <= headSeq; ++expected)
      report.problems.push_back({name(expected), "entry missing (deleted from the end of the log)"});
    if (!hashAtHead.empty() && hashAtHead != headText)
      report.problems.push_back({name(headSeq), "the head record does not match this entry"});
  } else if (!rows.empty()) {
    report.problems.push_back({name(rows.back().seq), "the head record is missing"});
  }
}

}  // namespace

AuditReport verifyAuditChain(Db& db) {
  AuditReport report;
  // Decisions, and what each says of its subject.
  std::vector<ChainRow> rows;
  struct Outcome {
    std::string decisionId, status, answer, decidedBy;
  };
  std::map<std::pair<std::string, std::string>, Outcome> outcomes;  // (subject type, id) → its decision
  {
    Stmt q(db,
           "SELECT seq, id, subject_type, subject_id, decided_by, decided_at, answer, evidence, prev_hash, entry_hash, "
           "subject_status FROM decisions ORDER BY seq");
    while (q.step()) {
      AuditEntry e{q.integer(0), q.text(1), q.text(2), q.text(3), q.text(4),
                   q.integer(5), q.text(6), q.text(7), q.text(8), q.text(10)};
      rows.push_back({e.seq, auditEntryHash(e), e.prevHash, q.text(9),
                      e.id != entryId(e.seq) ? "entry id changed to '" + e.id + "'" : ""});
      outcomes[{e.subjectType, e.subjectId}] = {e.id, e.subjectStatus, e.answer, e.decidedBy};
      ++report.entries;
    }
  }
  verifyChain(db, rows, kDecisionHead, entryId, report, &report.headHash);

  // Stored answers: their own chain; a 200 answer is the answer of its subject's decision.
  rows.clear();
  std::vector<AnswerEntry> answers;
  {
    Stmt q(db, std::string("SELECT ") + kAnswerColumns + ", entry_hash FROM idempotency ORDER BY chain_seq");
    while (q.step()) {
      answers.push_back(answerAt(q));
      rows.push_back({answers.back().seq, answerEntryHash(answers.back()), answers.back().prevHash, q.text(9), ""});
    }
  }
  verifyChain(db, rows, kAnswerHead, answerId, report, nullptr);
  for (const AnswerEntry& a : answers) {
    if (a.status != 200) continue;
    auto it = outcomes.find({a.subjectType, a.subjectId});
    if (it == outcomes.end() || it->second.answer != a.body)
      report.problems.push_back({answerId(a.seq), "stored answer differs from the decision in the log"});
  }

  // Every subject's status and decision id must be the ones its decision entry gave it.
  for (const auto& [type, table] : {std::pair{"post", "posts"}, std::pair{"registration", "registrations"}}) {
    Stmt q(db, std::string("SELECT id, status, COALESCE(decision_id, '') FROM ") + table + " ORDER BY seq");
    while (q.step()) {
      const std::string id = q.text(0), status = q.text(1), decisionId = q.text(2);
      const auto it = outcomes.find({type, id});
      const std::string subject = std::string(type) + " " + id;
      if (it == outcomes.end()) {
        if (status != "pending" || !decisionId.empty())
          report.problems.push_back({subject, "status '" + status + "' but no decision in the log"});
        continue;
      }
      if (decisionId != it->second.decisionId)
        report.problems.push_back(
            {subject, "decision id '" + decisionId + "' but the log has " + it->second.decisionId});
      else if (!it->second.status.empty() && status != it->second.status)
        report.problems.push_back(
            {subject, "status '" + status + "' but " + it->second.decisionId + " set '" + it->second.status + "'"});
    }
  }
  return report;
}

}  // namespace medpics::platform
