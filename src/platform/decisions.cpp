// handleDecision(): Idempotency-Key → replay → validate → already_decided → lease_lost → record (one transaction).
#include "decisions.hpp"

#include "audit_chain.hpp"

namespace medpics::platform {
using nlohmann::json;

namespace {

std::optional<std::pair<int, std::string>> storedAnswer(Db& db, const AuthUser& user, const Subject& s,
                                                        const std::string& id, const std::string& key) {
  Stmt q(db,
         "SELECT status, body FROM idempotency WHERE user_id = ? AND subject_type = ? AND subject_id = ? AND key = ?");
  q.bindAll(user.id, s.type, id, key);
  if (!q.step()) return std::nullopt;
  return std::make_pair(static_cast<int>(q.integer(0)), q.text(1));
}

void storeAnswer(Db& db, const AuthUser& user, const Subject& s, const std::string& id, const std::string& key,
                 int status, const std::string& body) {
  AnswerEntry entry{0, user.id, s.type, id, key, status, body, nowSeconds(), {}};
  appendAnswerEntry(db, entry);
}

void replay(httplib::Response& res, const std::pair<int, std::string>& stored) {
  res.status = stored.first;
  res.set_content(stored.second, "application/json");
  res.set_header("Idempotent-Replayed", "true");
}

}  // namespace

json decisionJson(Db& db, const std::string& decisionId, bool withEvidence) {
  Stmt q(db, "SELECT answer, evidence FROM decisions WHERE id = ?");
  q.bindAll(decisionId);
  if (!q.step()) return nullptr;
  json answer = json::parse(q.text(0));
  if (withEvidence) answer.update(json::parse(q.text(1)));
  return answer;
}

void handleDecision(Context& ctx, const Subject& s, const httplib::Request& req, httplib::Response& res,
                    const Prepare& prepare) {
  const AuthUser user = authenticate(ctx, req);
  requireRole(user, s.role);
  const std::string key = req.get_header_value("Idempotency-Key");
  if (key.empty()) throw ApiFailure(400, "idempotency_key_required", "the Idempotency-Key header is required");
  if (key.size() > 200) badRequest("the Idempotency-Key header is longer than 200 characters");
  const std::string id = req.matches[1];
  Db& db = ctx.store.db();
  {
    std::lock_guard lock(db.mutex());
    if (!subjectStatus(db, s, id)) throw ApiFailure(404, "not_found", "no " + s.type + " " + id);
    if (auto stored = storedAnswer(db, user, s, id, key)) return replay(res, *stored);
  }
  PreparedDecision d = prepare(user, id);  // 400 / 413 here: nothing stored, nothing changed
  const std::string leaseId = d.evidence.value("lease_id", "");

  std::lock_guard lock(db.mutex());
  Transaction tx(db);
  if (auto stored = storedAnswer(db, user, s, id, key)) return replay(res, *stored);
  auto conflict = [&](const std::string& code, const std::string& message) {
    const std::string body = json{{"error", code}, {"message", message}}.dump();
    storeAnswer(db, user, s, id, key, 409, body);
    tx.commit();
    res.status = 409;
    res.set_content(body, "application/json");
  };
  if (subjectStatus(db, s, id) != "pending")
    return conflict("already_decided", "this " + s.type + " was decided already");
  const int64_t now = nowSeconds();
  if (!holdsLease(db, s, id, user.username, leaseId, now))
    return conflict("lease_lost", "you do not hold a valid lease on this " + s.type + " with this lease_id");

  int64_t next = 1;
  {
    Stmt q(db, "SELECT COALESCE(MAX(seq), 0) + 1 FROM decisions");
    q.step();
    next = q.integer(0);
  }
  const std::string decisionId = "d" + std::to_string(next);
  json answer{{"decision_id", decisionId},   {"subject_type", s.type},      {"subject_id", id},
              {"action", d.action},          {"reason_code", d.reasonCode}, {"message", d.message},
              {"decided_by", user.username}, {"decided_at", rfc3339(now)}};
  answer.update(d.extraAnswer);
  json evidence = d.evidence;
  evidence.erase("lease_id");
  AuditEntry entry{next, decisionId, s.type, id, user.username, now, answer.dump(), evidence.dump(), {}, d.newStatus};
  appendAuditEntry(db, entry);
  Stmt up(db, "UPDATE " + s.table + " SET status = ?, decision_id = ? WHERE id = ?");
  up.bindAll(d.newStatus, decisionId, id).run();
  if (d.apply) d.apply(db);
  endLease(db, s, id);
  const std::string body = answer.dump();
  storeAnswer(db, user, s, id, key, 200, body);
  tx.commit();
  res.status = 200;
  res.set_content(body, "application/json");
}

}  // namespace medpics::platform
