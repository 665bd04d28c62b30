// Routes: GET /registrations, GET /registrations/{id}, POST /registrations/{id}/decision (with checklist).
#include "decisions.hpp"

#include "medpics/work/decision_codec.hpp"

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
    docs.push_back({{"id", q.text(0)},
                    {"kind", q.text(1)},
                    {"width", q.integer(2)},
                    {"height", q.integer(3)},
                    {"bytes", q.integer(4)},
                    {"content_type", q.text(5)},
                    {"sha256", q.text(6)},
                    {"url", "/api/v1/documents/" + q.text(0)}});
  return docs;
}

PreparedDecision prepareRegistrationDecision(const httplib::Request& req) {
  const json body = parseJsonObject(req.body);
  // Read by the one decision codec (work/decision_codec.hpp); the stored checklist is its canonical form.
  work::DecisionDraft draft;
  try {
    draft = work::draftFromJson(body, work::SubjectKind::Registration);
  } catch (const work::DecisionFormatError& e) {
    badRequest(e.what());
  }
  PreparedDecision d;
  d.action = work::actionName(draft.action);
  d.evidence = {{"lease_id", draft.leaseId}};
  if (!draft.reasonCode.empty())
    requireOneOf("reason_code", draft.reasonCode,
                 {"invalid_identifier", "not_in_directory", "name_mismatch", "expired_card", "unreadable_document",
                  "not_health_professional", "other"});
  if (draft.action == work::DecisionAction::Reject && draft.reasonCode.empty())
    badRequest("field 'reason_code' is required to reject");
  if (draft.action != work::DecisionAction::Approve && draft.message.empty())
    badRequest("field 'message' is required for " + d.action);
  d.evidence["checklist"] = work::toJson(draft, work::Disclosure::Wire)["checklist"];
  if (!draft.note.empty()) d.evidence["note"] = draft.note;
  d.reasonCode = draft.reasonCode.empty() ? json(nullptr) : json(draft.reasonCode);
  d.message = draft.message.empty() ? json(nullptr) : json(draft.message);
  d.newStatus = draft.action == work::DecisionAction::Approve  ? "approved"
                : draft.action == work::DecisionAction::Reject ? "rejected"
                                                               : "info_requested";
  return d;
}

}  // namespace

void registerRegistrationRoutes(httplib::Server& server, Context& ctx) {
  server.Get(
      "/api/v1/registrations", guarded([&ctx](const httplib::Request& req, httplib::Response& res) {
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
               "FROM registrations WHERE " +
                   kFilter + " AND seq > ? ORDER BY seq LIMIT ?");
        q.bindAll(status, status, identifier, identifier, cursor.value_or(0), limit + 1);
        const int64_t now = nowSeconds();
        const Page page = readPage(q, limit, [&](Stmt& r) -> json {
          const json a = json::parse(r.text(4));
          return {{"id", r.text(1)},
                  {"status", r.text(2)},
                  {"submitted_at", rfc3339(r.integer(3))},
                  {"applicant_name", a.value("first_name", "") + " " + a.value("last_name", "")},
                  {"profession", a["profession"]},
                  {"category", a["category"]},
                  {"document_count", r.integer(5)},
                  {"lease", leaseSummary(activeLease(db, registrationSubject(), r.text(1), now))}};
        });
        sendJson(res, 200, {{"items", page.items}, {"next_cursor", page.nextCursor}, {"total", count.integer(0)}});
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
                        {{"id", q.text(0)},
                         {"status", q.text(1)},
                         {"submitted_at", rfc3339(q.integer(2))},
                         {"applicant", json::parse(q.text(3))},
                         {"documents", documentsOf(db, id)},
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
