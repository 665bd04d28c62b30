// Routes: GET /registrations, GET /registrations/{id}, POST /registrations/{id}/decision (with checklist).
#include "decisions.hpp"

namespace medpics::platform {
using nlohmann::json;

namespace {

json documentsOf(Db& db, const std::string& registrationId) {
  json docs = json::array();
  Stmt q(db,
         "SELECT id, kind, width, height, bytes, content_type, sha256 FROM documents WHERE registration_id = ? "
         "ORDER BY position");
  q.bindAll(registrationId);
  while (q.step())
    docs.push_back({{"id", q.text(0)}, {"kind", q.text(1)}, {"width", q.integer(2)}, {"height", q.integer(3)},
                    {"bytes", q.integer(4)}, {"content_type", q.text(5)}, {"sha256", q.text(6)},
                    {"url", "/api/v1/documents/" + q.text(0)}});
  return docs;
}

PreparedDecision prepareRegistrationDecision(const httplib::Request& req) {
  const json body = parseJsonObject(req.body);
  PreparedDecision d;
  d.action = requireString(body, "action");
  requireOneOf("action", d.action, {"approve", "reject", "request_info"});
  d.evidence = {{"lease_id", requireString(body, "lease_id")}};
  const auto reason = optionalString(body, "reason_code");
  const auto message = optionalString(body, "message");
  if (reason)
    requireOneOf("reason_code", *reason,
                 {"invalid_identifier", "not_in_directory", "name_mismatch", "expired_card", "unreadable_document",
                  "not_health_professional", "other"});
  if (d.action == "reject" && !reason) badRequest("field 'reason_code' is required to reject");
  if (d.action != "approve" && (!message || message->empty()))
    badRequest("field 'message' is required for " + d.action);
  const json checklist = body.contains("checklist") ? body["checklist"] : json::array();
  if (!checklist.is_array()) badRequest("field 'checklist' must be an array");
  for (size_t i = 0; i < checklist.size(); ++i) {
    const json& c = checklist[i];
    const std::string name = "checklist[" + std::to_string(i) + "]";
    if (!c.is_object()) badRequest("field '" + name + "' must be an object");
    requireString(c, "check");
    requireOneOf(name + ".status", requireString(c, "status"), {"pass", "fail", "warn", "unknown", "skipped"});
    optionalString(c, "evidence");
  }
  d.evidence["checklist"] = checklist;
  if (auto note = optionalString(body, "note")) d.evidence["note"] = *note;
  d.reasonCode = reason ? json(*reason) : json(nullptr);
  d.message = message ? json(*message) : json(nullptr);
  d.newStatus = d.action == "approve" ? "approved" : d.action == "reject" ? "rejected" : "info_requested";
  return d;
}

}  // namespace

void registerRegistrationRoutes(httplib::Server& server, Context& ctx) {
  server.Get("/api/v1/registrations", guarded([&ctx](const httplib::Request& req, httplib::Response& res) {
               requireRole(authenticate(ctx, req), "verifier");
               const std::string status = req.has_param("status") ? req.get_param_value("status") : "pending";
               requireOneOf("status", status, {"pending", "approved", "rejected", "info_requested", "all"});
               // identifier: registrations claiming this RPPS, ADELI, Ordre number or INE (duplicate accounts).
               const std::string identifier = req.has_param("identifier") ? req.get_param_value("identifier") : "";
               const int limit = queryLimit(req);
               const auto cursor = queryCursor(req);
               Db& db = ctx.store.db();
               std::lock_guard lock(db.mutex());
               static const std::string kFilter =
                   "(? = 'all' OR status = ?) AND (? = '' OR ? IN (json_extract(applicant, '$.rpps'), "
                   "json_extract(applicant, '$.adeli'), json_extract(applicant, '$.ordre_number'), "
                   "json_extract(applicant, '$.ine')))";
               Stmt count(db, "SELECT COUNT(*) FROM registrations WHERE " + kFilter);
               count.bindAll(status, status, identifier, identifier).step();
               Stmt q(db,
                      "SELECT seq, id, status, submitted_at, applicant, "
                      "(SELECT COUNT(*) FROM documents d WHERE d.registration_id = registrations.id) "
                      "FROM registrations WHERE " + kFilter + " AND seq > ? ORDER BY seq LIMIT ?");
               q.bindAll(status, status, identifier, identifier, cursor.value_or(0), limit + 1);
               const int64_t now = nowSeconds();
               const Page page = readPage(q, limit, [&](Stmt& r) -> json {
                 const json a = json::parse(r.text(4));
                 return {{"id", r.text(1)}, {"status", r.text(2)}, {"submitted_at", rfc3339(r.integer(3))},
                         {"applicant_name", a.value("first_name", "") + " " + a.value("last_name", "")},
                         {"profession", a["profession"]}, {"category", a["category"]},
                         {"document_count", r.integer(5)},
                         {"lease", leaseSummary(activeLease(db, registrationSubject(), r.text(1), now))}};
               });
               sendJson(res, 200,
                        {{"items", page.items}, {"next_cursor", page.nextCursor}, {"total", count.integer(0)}});
             }));

  server.Get("/api/v1/registrations/([^/]+)", guarded([&ctx](const httplib::Request& req, httplib::Response& res) {
               requireRole(authenticate(ctx, req), "verifier");
               const std::string id = req.matches[1];
               Db& db = ctx.store.db();
               std::lock_guard lock(db.mutex());
               Stmt q(db, "SELECT id, status, submitted_at, applicant, decision_id FROM registrations WHERE id = ?");
               q.bindAll(id);
               if (!q.step()) throw ApiFailure(404, "not_found", "no registration " + id);
               sendJson(res, 200,
                        {{"id", q.text(0)}, {"status", q.text(1)}, {"submitted_at", rfc3339(q.integer(2))},
                         {"applicant", json::parse(q.text(3))}, {"documents", documentsOf(db, id)},
                         {"lease", leaseSummary(activeLease(db, registrationSubject(), id, nowSeconds()))},
                         {"decision", q.isNull(4) ? json(nullptr) : decisionJson(db, q.text(4), false)}});
             }));

  server.Post("/api/v1/registrations/([^/]+)/decision",
              guarded([&ctx](const httplib::Request& req, httplib::Response& res) {
                handleDecision(ctx, registrationSubject(), req, res,
                               [&](const AuthUser&, const std::string&) { return prepareRegistrationDecision(req); });
              }));
}

}  // namespace medpics::platform
