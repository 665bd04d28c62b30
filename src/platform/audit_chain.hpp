// The decision log as a hash chain: each entry stores the previous entry's hash and the hash of its own
// canonical content; SQLite triggers make the table append-only; verifyAuditChain() finds tampering.
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
};

inline const std::string kGenesisHash(64, '0');

// Creates the chain columns, the append-only triggers and the head record (idempotent; migrates old logs).
void installAuditChain(Db& db);

// Canonical text of an entry (sorted-key JSON of every field) and its SHA-256.
std::string canonicalAuditText(const AuditEntry& entry);
std::string auditEntryHash(const AuditEntry& entry);

// Inserts the next decision (seq and prevHash are filled in) and moves the head; call inside a transaction.
void appendAuditEntry(Db& db, AuditEntry& entry);

struct AuditProblem {
  std::string entryId;  // "d<seq>": the entry that was modified, deleted or broke the chain
  std::string what;
};
struct AuditReport {
  int64_t entries = 0;
  std::string headHash;
  std::vector<AuditProblem> problems;
  bool ok() const { return problems.empty(); }
};
// Recomputes every hash, checks the sequence, the links and the head record.
AuditReport verifyAuditChain(Db& db);

}  // namespace medpics::platform
