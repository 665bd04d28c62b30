// Routes: GET /images/{id} (original), /published/{id} (masked variant), /documents/{id}; ETag and 304.
#include "context.hpp"

namespace medpics::platform {

namespace {

bool etagMatches(const std::string& ifNoneMatch, const std::string& etag) {
  if (ifNoneMatch.empty()) return false;
  if (ifNoneMatch == "*") return true;
  size_t start = 0;
  while (start < ifNoneMatch.size()) {
    size_t end = ifNoneMatch.find(',', start);
    if (end == std::string::npos) end = ifNoneMatch.size();
    std::string tag = ifNoneMatch.substr(start, end - start);
    tag.erase(0, tag.find_first_not_of(" \t"));
    tag.erase(tag.find_last_not_of(" \t") + 1);
    if (tag.rfind("W/", 0) == 0) tag = tag.substr(2);
    if (tag == etag) return true;
    start = end + 1;
  }
  return false;
}

// Serves a blob with its ETag; `sql` selects (content_type, sha256) for the id.
void serveBlob(Context& ctx, const httplib::Request& req, httplib::Response& res, const std::string& sql,
               const std::string& what) {
  const std::string id = req.matches[1];
  std::string contentType, sha;
  {
    Db& db = ctx.store.db();
    std::lock_guard lock(db.mutex());
    Stmt q(db, sql);
    q.bindAll(id);
    if (!q.step()) throw ApiFailure(404, "not_found", "no " + what + " " + id);
    contentType = q.text(0);
    sha = q.text(1);
  }
  const std::string etag = "\"" + sha + "\"";
  res.set_header("ETag", etag);
  res.set_header("Cache-Control", "private, max-age=0, must-revalidate");
  if (etagMatches(req.get_header_value("If-None-Match"), etag)) {
    res.status = 304;
    return;
  }
  res.status = 200;
  res.set_content(ctx.store.getBlob(sha), contentType.c_str());
}

}  // namespace

void registerMediaRoutes(httplib::Server& server, Context& ctx) {
  server.Get("/api/v1/images/([^/]+)", guarded([&ctx](const httplib::Request& req, httplib::Response& res) {
               requireRole(authenticate(ctx, req), "moderator");
               serveBlob(ctx, req, res, "SELECT content_type, sha256 FROM images WHERE id = ?", "image");
             }));
  server.Get("/api/v1/published/([^/]+)", guarded([&ctx](const httplib::Request& req, httplib::Response& res) {
               authenticate(ctx, req);
               serveBlob(ctx, req, res, "SELECT content_type, sha256 FROM published WHERE image_id = ?",
                         "published image");
             }));
  server.Get("/api/v1/documents/([^/]+)", guarded([&ctx](const httplib::Request& req, httplib::Response& res) {
               requireRole(authenticate(ctx, req), "verifier");
               serveBlob(ctx, req, res, "SELECT content_type, sha256 FROM documents WHERE id = ?", "document");
             }));
}

}  // namespace medpics::platform
