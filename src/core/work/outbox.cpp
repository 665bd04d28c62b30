// Outbox journal on SQLite: WAL + synchronous=FULL, one transaction per change, times in milliseconds.
#include "medpics/work/outbox.hpp"

#include "medpics/util/log.hpp"
#include "medpics/util/sqlite.hpp"
#include "medpics/work/decision_codec.hpp"

#include <sqlite3.h>

#include <chrono>
#include <cmath>

namespace medpics::work {
namespace sql = util::sql;

namespace {
long long toMs(double seconds) { return std::llround(seconds * 1000.0); }
double fromMs(long long ms) { return static_cast<double>(ms) / 1000.0; }

OutboxState parseState(const std::string& s) {
  return s == "sent" ? OutboxState::Sent : s == "failed" ? OutboxState::Failed : OutboxState::Pending;
}

constexpr const char* kColumns =
    "id, idem_key, subject_type, subject_id, action, decision, state, attempts, created_ms, next_ms, last_error, "
    "decision_id";

// The journal's text of a draft: its Journal form only (no patient text).
std::string encodeDraft(const DecisionDraft& draft) { return toJson(draft, Disclosure::Journal).dump(); }

// A row that does not decode (written by hand, or damaged) keeps its ids; sending it then fails visibly (400).
DecisionDraft decodeDraft(const std::string& text, const std::string& subjectType, const std::string& subjectId) {
  const auto subject = subjectFromName(subjectType).value_or(SubjectKind::Post);
  const nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  try {
    if (!j.is_discarded()) return draftFromJson(j, subject, subjectId);
  } catch (const DecisionFormatError& e) {
    log::warn(std::string("outbox: journalled decision of ") + subjectId + ": " + e.what());
  }
  DecisionDraft d;
  d.subject = subject;
  d.subjectId = subjectId;
  return d;
}

OutboxEntry readRow(const sql::Stmt& q) {
  OutboxEntry e;
  e.id = q.integer(0);
  e.key = q.text(1);
  e.subjectType = q.text(2);
  e.subjectId = q.text(3);
  e.action = q.text(4);
  e.draft = decodeDraft(q.text(5), e.subjectType, e.subjectId);
  e.state = parseState(q.text(6));
  e.attempts = static_cast<int>(q.integer(7));
  e.createdAt = fromMs(q.integer(8));
  e.nextAttemptAt = fromMs(q.integer(9));
  e.lastError = q.text(10);
  e.decisionId = q.text(11);
  return e;
}

std::string select(const std::string& tail) { return std::string("SELECT ") + kColumns + " FROM outbox " + tail; }
}  // namespace

std::string stateName(OutboxState state) {
  switch (state) {
    case OutboxState::Sent: return "sent";
    case OutboxState::Failed: return "failed";
    default: return "pending";
  }
}

double unixNow() {
  using namespace std::chrono;
  return duration<double>(system_clock::now().time_since_epoch()).count();
}

struct Outbox::Impl {
  explicit Impl(const std::filesystem::path& file)
      : db(file, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX) {
    db.exec("PRAGMA journal_mode=WAL");
    db.exec("PRAGMA synchronous=FULL");
    db.exec("PRAGMA secure_delete=ON");  // replaced or deleted rows are overwritten, not left in free pages
    db.exec(
        "CREATE TABLE IF NOT EXISTS outbox("
        " id INTEGER PRIMARY KEY AUTOINCREMENT, idem_key TEXT NOT NULL UNIQUE, subject_type TEXT NOT NULL,"
        " subject_id TEXT NOT NULL, action TEXT NOT NULL, decision TEXT NOT NULL, state TEXT NOT NULL,"
        " attempts INTEGER NOT NULL DEFAULT 0, created_ms INTEGER NOT NULL, next_ms INTEGER NOT NULL,"
        " last_error TEXT NOT NULL DEFAULT '', decision_id TEXT NOT NULL DEFAULT '')");
    db.exec("CREATE INDEX IF NOT EXISTS outbox_due ON outbox(state, next_ms)");
    scrub();
  }
  // Journals written before the typed draft held captions, region and evidence texts: every row is rewritten in
  // the Journal form (one transaction; secure_delete overwrites the old text), so no patient text stays at rest.
  void scrub() {
    std::vector<std::pair<long long, std::string>> rewritten;
    {
      sql::Stmt q(db, "SELECT id, subject_type, subject_id, decision FROM outbox");
      while (q.step()) {
        const std::string now = encodeDraft(decodeDraft(q.text(3), q.text(1), q.text(2)));
        if (now != q.text(3)) rewritten.emplace_back(q.integer(0), now);
      }
    }
    if (rewritten.empty()) return;
    db.exec("BEGIN IMMEDIATE");
    for (const auto& [id, text] : rewritten) {
      sql::Stmt up(db, "UPDATE outbox SET decision = ? WHERE id = ?");
      up.bind(1, text);
      up.bind(2, id);
      up.step();
    }
    db.exec("COMMIT");
    db.exec("PRAGMA wal_checkpoint(TRUNCATE)");  // the old pages leave the WAL too
  }
  sql::Db db;
};

Outbox::Outbox(const std::filesystem::path& file) : file_(file) {
  std::error_code ec;
  if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path(), ec);
  impl_ = std::make_unique<Impl>(file);
  std::filesystem::permissions(file, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write,
                               std::filesystem::perm_options::replace, ec);
}

Outbox::~Outbox() = default;

std::int64_t Outbox::add(OutboxEntry e) {
  std::lock_guard lock(mutex_);
  if (e.createdAt <= 0) e.createdAt = unixNow();
  sql::Stmt q(impl_->db,
              "INSERT INTO outbox(idem_key, subject_type, subject_id, action, decision, state, attempts, created_ms, "
              "next_ms) VALUES(?,?,?,?,?,'pending',0,?,?)");
  q.bind(1, e.key);
  q.bind(2, e.subjectType);
  q.bind(3, e.subjectId);
  q.bind(4, e.action);
  q.bind(5, encodeDraft(e.draft));
  q.bind(6, toMs(e.createdAt));
  q.bind(7, toMs(e.createdAt));
  q.step();
  return impl_->db.lastInsertId();
}

std::optional<OutboxEntry> Outbox::get(const std::string& key) const {
  std::lock_guard lock(mutex_);
  sql::Stmt q(impl_->db, select("WHERE idem_key = ?").c_str());
  q.bind(1, key);
  if (!q.step()) return std::nullopt;
  return readRow(q);
}

std::optional<OutboxEntry> Outbox::byRow(std::int64_t id) const {
  std::lock_guard lock(mutex_);
  sql::Stmt q(impl_->db, select("WHERE id = ?").c_str());
  q.bind(1, static_cast<long long>(id));
  if (!q.step()) return std::nullopt;
  return readRow(q);
}

std::vector<OutboxEntry> Outbox::due(double now) const {
  std::lock_guard lock(mutex_);
  sql::Stmt q(impl_->db, select("WHERE state = 'pending' AND next_ms <= ? ORDER BY id").c_str());
  q.bind(1, toMs(now));
  std::vector<OutboxEntry> out;
  while (q.step()) out.push_back(readRow(q));
  return out;
}

std::optional<double> Outbox::nextDueAt() const {
  std::lock_guard lock(mutex_);
  sql::Stmt q(impl_->db, "SELECT MIN(next_ms) FROM outbox WHERE state = 'pending'");
  if (!q.step() || q.text(0).empty()) return std::nullopt;  // MIN() of no rows is NULL
  return fromMs(q.integer(0));
}

std::vector<OutboxEntry> Outbox::recent(int limit) const {
  std::lock_guard lock(mutex_);
  sql::Stmt q(impl_->db, select("ORDER BY id DESC LIMIT ?").c_str());
  q.bind(1, static_cast<long long>(limit));
  std::vector<OutboxEntry> out;
  while (q.step()) out.push_back(readRow(q));
  return out;
}

std::vector<OutboxEntry> Outbox::pending() const {
  std::lock_guard lock(mutex_);
  sql::Stmt q(impl_->db, select("WHERE state = 'pending' ORDER BY id").c_str());
  std::vector<OutboxEntry> out;
  while (q.step()) out.push_back(readRow(q));
  return out;
}

OutboxCounts Outbox::counts() const {
  std::lock_guard lock(mutex_);
  sql::Stmt q(impl_->db, "SELECT state, COUNT(*) FROM outbox GROUP BY state");
  OutboxCounts c;
  while (q.step()) {
    const int n = static_cast<int>(q.integer(1));
    switch (parseState(q.text(0))) {
      case OutboxState::Sent: c.sent = n; break;
      case OutboxState::Failed: c.failed = n; break;
      default: c.pending = n;
    }
  }
  return c;
}

void Outbox::markSent(const std::string& key, const std::string& decisionId) {
  std::lock_guard lock(mutex_);
  sql::Stmt q(impl_->db,
              "UPDATE outbox SET state = 'sent', attempts = attempts + 1, last_error = '', decision_id = ? "
              "WHERE idem_key = ?");
  q.bind(1, decisionId);
  q.bind(2, key);
  q.step();
}

void Outbox::markRetry(const std::string& key, const std::string& error, double nextAttemptAt) {
  std::lock_guard lock(mutex_);
  sql::Stmt q(impl_->db,
              "UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_ms = ? WHERE idem_key = ? "
              "AND state = 'pending'");
  q.bind(1, error);
  q.bind(2, toMs(nextAttemptAt));
  q.bind(3, key);
  q.step();
}

void Outbox::markFailed(const std::string& key, const std::string& error) {
  std::lock_guard lock(mutex_);
  sql::Stmt q(impl_->db,
              "UPDATE outbox SET state = 'failed', attempts = attempts + 1, last_error = ? WHERE idem_key = ?");
  q.bind(1, error);
  q.bind(2, key);
  q.step();
}

void Outbox::rekey(const std::string& oldKey, const std::string& newKey, const std::string& newLeaseId) {
  std::lock_guard lock(mutex_);
  sql::Stmt read(impl_->db, select("WHERE idem_key = ?").c_str());
  read.bind(1, oldKey);
  if (!read.step()) return;
  DecisionDraft draft = readRow(read).draft;
  draft.leaseId = newLeaseId;
  sql::Stmt q(impl_->db, "UPDATE outbox SET idem_key = ?, decision = ? WHERE idem_key = ?");
  q.bind(1, newKey);
  q.bind(2, encodeDraft(draft));
  q.bind(3, oldKey);
  q.step();
}

void Outbox::pruneSent(double before) {
  std::lock_guard lock(mutex_);
  sql::Stmt q(impl_->db, "DELETE FROM outbox WHERE state = 'sent' AND created_ms < ?");
  q.bind(1, toMs(before));
  q.step();
}

}  // namespace medpics::work
