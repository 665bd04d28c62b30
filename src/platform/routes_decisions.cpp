// Routes: GET /decisions (audit, newest first; own decisions unless admin) and GET /decisions/{id} with evidence.
#include "decisions.hpp"

namespace medpics::platform {
using nlohmann::json;

void registerDecisionRoutes(httplib::Server& server, Context& ctx) {
  server.Get("/api/v1/decisions", guarded([&ctx](const httplib::Request& req, httplib::Response& res) {
               const AuthUser user = authenticate(ctx, req);
               const std::string subjectType = req.get_param_value("subject_type");
               if (!subjectType.empty()) requireOneOf("subject_type", subjectType, {"post", "registration"});
               std::string decidedBy = req.get_param_value("decided_by");
               if (!user.has("admin")) decidedBy = user.username;  // own decisions only
               int64_t since = 0;
               if (req.has_param("since")) {
                 const auto t = parseRfc3339(req.get_param_value("since"));
                 if (!t) badRequest("parameter 'since' must be an RFC 3339 time");
                 since = *t;
               }
               const int limit = queryLimit(req);
               const auto cursor = queryCursor(req);
               Db& db = ctx.store.db();
               std::lock_guard lock(db.mutex());
               // Each item also says what was decided (subject_summary): a post's kind, author and, once approved,
               // its published caption (never the unmasked one); a registration's applicant.
               Stmt q(db,
                      "SELECT d.seq, d.answer, p.kind, p.author_name, json_extract(d.evidence, '$.caption'), "
                      "json_extract(r.applicant, '$.first_name'), json_extract(r.applicant, '$.last_name') "
                      "FROM decisions d "
                      "LEFT JOIN posts p ON d.subject_type = 'post' AND p.id = d.subject_id "
                      "LEFT JOIN registrations r ON d.subject_type = 'registration' AND r.id = d.subject_id "
                      "WHERE (? = '' OR d.subject_type = ?) AND (? = '' OR d.decided_by = ?) "
                      "AND d.decided_at >= ? AND (? = 0 OR d.seq < ?) ORDER BY d.seq DESC LIMIT ?");
               q.bindAll(subjectType, subjectType, decidedBy, decidedBy, since, cursor ? 1 : 0, cursor.value_or(0),
                         limit + 1);
               const Page page = readPage(q, limit, [](Stmt& r) {
                 json item = json::parse(r.text(1));
                 auto text = [&r](int column) { return r.isNull(column) ? json(nullptr) : json(r.text(column)); };
                 item["subject_summary"] =
                     item.value("subject_type", "") == "post"
                         ? json{{"kind", text(2)}, {"author", text(3)}, {"published_caption", text(4)}}
                         : json{{"applicant",
                                 r.isNull(5) ? json(nullptr) : json(r.text(5) + " " + (r.isNull(6) ? "" : r.text(6)))}};
                 return item;
               });
               sendJson(res, 200, {{"items", page.items}, {"next_cursor", page.nextCursor}});
             }));

  server.Get("/api/v1/decisions/([^/]+)", guarded([&ctx](const httplib::Request& req, httplib::Response& res) {
               const AuthUser user = authenticate(ctx, req);
               Db& db = ctx.store.db();
               std::lock_guard lock(db.mutex());
               const json d = decisionJson(db, req.matches[1], true);
               if (d.is_null()) throw ApiFailure(404, "not_found", "no decision " + std::string(req.matches[1]));
               if (!user.has("admin") && d.value("decided_by", "") != user.username)
                 throw ApiFailure(403, "forbidden", "only admins read other users' decisions");
               sendJson(res, 200, d);
             }));
}

}  // namespace medpics::platform
