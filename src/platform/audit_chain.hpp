// The decision log as a hash chain: each entry stores the previous entry's hash and the hash of its own
// canonical content, including the status it gave its subject; stored idempotency answers form a second chain;
// SQLite triggers make both append-only; verifyAuditChain() finds tampering, statuses that no entry explains
// included.
#pragma once
#include "db.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace medpics::platform {

// The content of one decision entry, as hashed.
struct AuditEntry {
  int64_t seq = 0;
  std::string id, subjectType, subjectId, decidedBy;
  int64_t decidedAt = 0;
  std::string answer, evidence;  // JSON text, stored verbatim
  std::string prevHash;          // entry_hash of entry seq - 1 (kGenesisHash for the first)
  std::string subjectStatus;     // the status the decision gave its subject (empty in logs written before it)
};

// One stored idempotency answer (replayed to a client that retries), chained like the decisions.
struct AnswerEntry {
  int64_t seq = 0;
  std::string userId, subjectType, subjectId, key;
  int64_t status = 0;
  std::string body;
  int64_t createdAt = 0;
  std::string prevHash;
};

inline const std::string kGenesisHash(64, '0');

// Creates the chain columns, the append-only triggers and the head record (idempotent; migrates old logs).
void installAuditChain(Db& db);

// Canonical text of an entry (sorted-key JSON of every field) and its SHA-256.
std::string canonicalAuditText(const AuditEntry& entry);
std::string auditEntryHash(const AuditEntry& entry);

// Inserts the next decision (seq and prevHash are filled in) and moves the head; call inside a transaction.
void appendAuditEntry(Db& db, AuditEntry& entry);
// Inserts a stored answer into the idempotency chain (seq and prevHash filled in); inside a transaction.
std::string answerEntryHash(const AnswerEntry& entry);
void appendAnswerEntry(Db& db, AnswerEntry& entry);

struct AuditProblem {
  std::string entryId;  // "d<seq>": a decision entry; "a<seq>": a stored answer; "post p3": a subject's status
  std::string what;
};
struct AuditReport {
  int64_t entries = 0;
  std::string headHash;
  std::vector<AuditProblem> problems;
  bool ok() const { return problems.empty(); }
};
// Recomputes every hash, checks the sequence, the links and the head records of both chains, then that every
// subject's status and decision id are those its chain entry gave it (pending and none without an entry), and
// that every 200 answer is its decision's answer. Problems come in that order, each chain in sequence order:
// problems.front() is the first entry that does not verify.
AuditReport verifyAuditChain(Db& db);

}  // namespace medpics::platform
