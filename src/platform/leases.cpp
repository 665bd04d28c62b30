// Lease records and the claim / renew / release routes of posts and registrations.
#include "leases.hpp"

#include "password.hpp"

namespace medpics::platform {
using nlohmann::json;

const Subject& postSubject() {
  static const Subject s{"post", "posts", "posts", "moderator"};
  return s;
}
const Subject& registrationSubject() {
  static const Subject s{"registration", "registrations", "registrations", "verifier"};
  return s;
}

std::optional<std::string> subjectStatus(Db& db, const Subject& s, const std::string& id) {
  Stmt q(db, "SELECT status FROM " + s.table + " WHERE id = ?");
  q.bindAll(id);
  if (!q.step()) return std::nullopt;
  return q.text(0);
}

std::optional<LeaseRecord> activeLease(Db& db, const Subject& s, const std::string& id, int64_t now) {
  Stmt q(
      db,
      "SELECT lease_id, holder, expires_at FROM leases WHERE subject_type = ? AND subject_id = ? AND expires_at > ?");
  q.bindAll(s.type, id, now);
  if (!q.step()) return std::nullopt;
  return LeaseRecord{q.text(0), q.text(1), q.integer(2)};
}

json leaseSummary(const std::optional<LeaseRecord>& lease) {
  if (!lease) return nullptr;
  return {{"holder", lease->holder}, {"expires_at", rfc3339(lease->expiresAt)}};
}

bool holdsLease(Db& db, const Subject& s, const std::string& id, const std::string& username,
                const std::string& leaseId, int64_t now) {
  const auto lease = activeLease(db, s, id, now);
  return lease && lease->holder == username && lease->leaseId == leaseId;
}

void endLease(Db& db, const Subject& s, const std::string& id) {
  Stmt q(db, "DELETE FROM leases WHERE subject_type = ? AND subject_id = ?");
  q.bindAll(s.type, id).run();
}

namespace {

json leaseAnswer(const LeaseRecord& lease, int ttl) {
  return {{"lease_id", lease.leaseId}, {"expires_at", rfc3339(lease.expiresAt)}, {"ttl_seconds", ttl}};
}

void registerFor(httplib::Server& server, Context& ctx, const Subject& s) {
  const std::string base = "/api/v1/" + s.plural + "/([^/]+)";

  server.Post(base + "/claim", guarded([&ctx, &s](const httplib::Request& req, httplib::Response& res) {
                const AuthUser user = authenticate(ctx, req);
                requireRole(user, s.role);
                const std::string id = req.matches[1];
                Db& db = ctx.store.db();
                std::lock_guard lock(db.mutex());
                Transaction tx(db);
                const auto status = subjectStatus(db, s, id);
                if (!status) throw ApiFailure(404, "not_found", "no " + s.type + " " + id);
                if (*status != "pending")
                  throw ApiFailure(409, "already_decided", "this " + s.type + " was decided already");
                const int64_t now = nowSeconds();
                const int ttl = ctx.options.leaseTtlSeconds;
                auto lease = activeLease(db, s, id, now);
                if (lease && lease->holder != user.username)
                  throw ApiFailure(409, "lease_held", "claimed by " + lease->holder,
                                   {{"holder", lease->holder}, {"expires_at", rfc3339(lease->expiresAt)}});
                LeaseRecord next{lease ? lease->leaseId : "l" + randomHex(12), user.username, now + ttl};
                Stmt up(db,
                        "INSERT INTO leases(subject_type, subject_id, lease_id, holder, expires_at) VALUES(?,?,?,?,?) "
                        "ON CONFLICT(subject_type, subject_id) DO UPDATE SET lease_id = excluded.lease_id, "
                        "holder = excluded.holder, expires_at = excluded.expires_at");
                up.bindAll(s.type, id, next.leaseId, next.holder, next.expiresAt).run();
                tx.commit();
                sendJson(res, 200, leaseAnswer(next, ttl));
              }));

  server.Post(base + "/lease/renew", guarded([&ctx, &s](const httplib::Request& req, httplib::Response& res) {
                const AuthUser user = authenticate(ctx, req);
                requireRole(user, s.role);
                const std::string id = req.matches[1];
                const json body = parseJsonObject(req.body);
                const std::string leaseId = requireString(body, "lease_id");
                Db& db = ctx.store.db();
                std::lock_guard lock(db.mutex());
                Transaction tx(db);
                if (!subjectStatus(db, s, id)) throw ApiFailure(404, "not_found", "no " + s.type + " " + id);
                const int64_t now = nowSeconds();
                if (!holdsLease(db, s, id, user.username, leaseId, now))
                  throw ApiFailure(409, "lease_lost", "you do not hold a valid lease on this " + s.type);
                const LeaseRecord next{leaseId, user.username, now + ctx.options.leaseTtlSeconds};
                Stmt up(db, "UPDATE leases SET expires_at = ? WHERE subject_type = ? AND subject_id = ?");
                up.bindAll(next.expiresAt, s.type, id).run();
                tx.commit();
                sendJson(res, 200, leaseAnswer(next, ctx.options.leaseTtlSeconds));
              }));

  server.Delete(base + "/lease", guarded([&ctx, &s](const httplib::Request& req, httplib::Response& res) {
                  const AuthUser user = authenticate(ctx, req);
                  requireRole(user, s.role);
                  const std::string id = req.matches[1];
                  Db& db = ctx.store.db();
                  std::lock_guard lock(db.mutex());
                  if (!subjectStatus(db, s, id)) throw ApiFailure(404, "not_found", "no " + s.type + " " + id);
                  Stmt del(db, "DELETE FROM leases WHERE subject_type = ? AND subject_id = ? AND holder = ?");
                  del.bindAll(s.type, id, user.username).run();
                  res.status = 204;
                }));
}

}  // namespace

void registerLeaseRoutes(httplib::Server& server, Context& ctx) {
  registerFor(server, ctx, postSubject());
  registerFor(server, ctx, registrationSubject());
}

}  // namespace medpics::platform
