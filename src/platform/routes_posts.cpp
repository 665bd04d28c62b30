// Routes: GET /posts (queue, paging, filters), GET /posts/{id}, POST /posts/{id}/decision (reject JSON, approve
// multipart).
#include "decisions.hpp"
#include "post_validation.hpp"

namespace medpics::platform {
using nlohmann::json;

namespace {

json authorJson(const std::string& id, const std::string& name) { return {{"id", id}, {"display_name", name}}; }

std::string excerpt(const std::string& caption) {
  if (caption.size() <= 80) return caption;
  size_t cut = 80;
  while (cut > 0 && (static_cast<unsigned char>(caption[cut]) & 0xC0) == 0x80) --cut;  // UTF-8 boundary
  return caption.substr(0, cut) + "…";
}

json imagesOf(Db& db, const std::string& postId) {
  json images = json::array();
  Stmt q(db, "SELECT id, width, height, bytes, content_type, sha256 FROM images WHERE post_id = ? ORDER BY position");
  q.bindAll(postId);
  while (q.step())
    images.push_back({{"id", q.text(0)},
                      {"width", q.integer(1)},
                      {"height", q.integer(2)},
                      {"bytes", q.integer(3)},
                      {"content_type", q.text(4)},
                      {"sha256", q.text(5)},
                      {"url", "/api/v1/images/" + q.text(0)}});
  return images;
}

}  // namespace

void registerPostRoutes(httplib::Server& server, Context& ctx) {
  server.Get(
      "/api/v1/posts", guarded([&ctx](const httplib::Request& req, httplib::Response& res) {
        requireRole(authenticate(ctx, req), "moderator");
        const std::string status = req.has_param("status") ? req.get_param_value("status") : "pending";
        requireOneOf("status", status, {"pending", "approved", "rejected", "all"});
        const std::string kind = req.get_param_value("kind");
        const int limit = queryLimit(req);
        const auto cursor = queryCursor(req);
        std::string where = " WHERE (? = 'all' OR status = ?) AND (? = '' OR kind = ?)";
        Db& db = ctx.store.db();
        std::lock_guard lock(db.mutex());
        Stmt count(db, "SELECT COUNT(*) FROM posts" + where);
        count.bindAll(status, status, kind, kind).step();
        Stmt q(db,
               "SELECT seq, id, status, kind, created_at, author_id, author_name, caption, "
               "(SELECT COUNT(*) FROM images i WHERE i.post_id = posts.id) FROM posts" +
                   where + " AND seq > ? ORDER BY seq LIMIT ?");
        q.bindAll(status, status, kind, kind, cursor.value_or(0), limit + 1);
        const int64_t now = nowSeconds();
        const Page page = readPage(q, limit, [&](Stmt& r) -> json {
          return {{"id", r.text(1)},
                  {"status", r.text(2)},
                  {"kind", r.text(3)},
                  {"created_at", rfc3339(r.integer(4))},
                  {"author", authorJson(r.text(5), r.text(6))},
                  {"caption_excerpt", excerpt(r.text(7))},
                  {"image_count", r.integer(8)},
                  {"lease", leaseSummary(activeLease(db, postSubject(), r.text(1), now))}};
        });
        sendJson(res, 200, {{"items", page.items}, {"next_cursor", page.nextCursor}, {"total", count.integer(0)}});
      }));

  server.Get("/api/v1/posts/([^/]+)", guarded([&ctx](const httplib::Request& req, httplib::Response& res) {
               requireRole(authenticate(ctx, req), "moderator");
               const std::string id = req.matches[1];
               Db& db = ctx.store.db();
               std::lock_guard lock(db.mutex());
               Stmt q(db,
                      "SELECT id, status, kind, created_at, author_id, author_name, caption, decision_id FROM posts "
                      "WHERE id = ?");
               q.bindAll(id);
               if (!q.step()) throw ApiFailure(404, "not_found", "no post " + id);
               sendJson(res, 200,
                        {{"id", q.text(0)},
                         {"status", q.text(1)},
                         {"kind", q.text(2)},
                         {"created_at", rfc3339(q.integer(3))},
                         {"author", authorJson(q.text(4), q.text(5))},
                         {"caption", q.text(6)},
                         {"images", imagesOf(db, id)},
                         {"lease", leaseSummary(activeLease(db, postSubject(), id, nowSeconds()))},
                         {"decision", q.isNull(7) ? json(nullptr) : decisionJson(db, q.text(7), false)}});
             }));

  server.Post("/api/v1/posts/([^/]+)/decision", guarded([&ctx](const httplib::Request& req, httplib::Response& res) {
                handleDecision(ctx, postSubject(), req, res, [&](const AuthUser&, const std::string& id) {
                  return preparePostDecision(ctx, req, id);
                });
              }));
}

}  // namespace medpics::platform
