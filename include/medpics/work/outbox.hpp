// Durable outbox: every decision is journalled in SQLite (WAL, synchronous=FULL) before it is sent; no pixels.
#pragma once
#include "medpics/work/decision_draft.hpp"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace medpics::work {

enum class OutboxState { Pending, Sent, Failed };
std::string stateName(OutboxState state);  // "pending" | "sent" | "failed"

// One journalled decision. `draft` is what is needed to send it again after a crash; the journal stores its Journal
// form (decision_codec.hpp): the lease id, the regions (geometry, style, origin, state, kind), the mask seeds, the
// caption span offsets, the residual check's counts, the reason code / message, the checklist statuses and fact codes —
// never image bytes or pixels, text read from an image, a caption, a name or an identifier.
struct OutboxEntry {
  std::int64_t id = 0;      // journal row (order of the decisions)
  std::string key;          // Idempotency-Key of the next attempt
  std::string subjectType;  // "post" | "registration"
  std::string subjectId;
  std::string action;  // "approve" | "reject" | "request_info"
  DecisionDraft draft;
  OutboxState state = OutboxState::Pending;
  int attempts = 0;
  double createdAt = 0;      // unix seconds
  double nextAttemptAt = 0;  // unix seconds
  std::string lastError;
  std::string decisionId;  // the server's decision id once sent
};

struct OutboxCounts {
  int pending = 0, sent = 0, failed = 0;
};

// Thread-safe (one connection behind a mutex). Every write is one committed transaction.
class Outbox {
 public:
  explicit Outbox(const std::filesystem::path& file);  // creates the file and its folder; throws std::runtime_error
  ~Outbox();
  Outbox(const Outbox&) = delete;
  Outbox& operator=(const Outbox&) = delete;

  const std::filesystem::path& file() const { return file_; }

  // Journals a new pending decision (durable when this returns); returns its row id.
  std::int64_t add(OutboxEntry entry);
  std::optional<OutboxEntry> get(const std::string& key) const;
  std::optional<OutboxEntry> byRow(std::int64_t id) const;
  // Pending entries whose next attempt is due at `now`, oldest first.
  std::vector<OutboxEntry> due(double now) const;
  std::optional<double> nextDueAt() const;  // earliest next attempt of a pending entry
  // The newest `limit` entries (any state), newest first.
  std::vector<OutboxEntry> recent(int limit) const;
  std::vector<OutboxEntry> pending() const;
  OutboxCounts counts() const;

  void markSent(const std::string& key, const std::string& decisionId);
  void markRetry(const std::string& key, const std::string& error, double nextAttemptAt);
  void markFailed(const std::string& key, const std::string& error);
  // After a re-claim: the entry continues with a new key and lease id (the old key's answer was final).
  void rekey(const std::string& oldKey, const std::string& newKey, const std::string& newLeaseId);
  // Sent entries older than `before` are deleted (the journal does not grow forever).
  void pruneSent(double before);

 private:
  struct Impl;
  std::filesystem::path file_;
  mutable std::mutex mutex_;
  std::unique_ptr<Impl> impl_;
};

double unixNow();

}  // namespace medpics::work
