// Routes: GET /health, POST /auth/login (rate limited), POST /auth/logout, GET /me.
#include "context.hpp"
#include "password.hpp"

#include "medpics/util/sha256.hpp"

namespace medpics::platform {
using nlohmann::json;

void registerAuthRoutes(httplib::Server& server, Context& ctx) {
  server.Get("/api/v1/health", guarded([](const httplib::Request&, httplib::Response& res) {
               sendJson(res, 200, {{"status", "ok"}, {"version", "1"}});
             }));

  server.Post("/api/v1/auth/login", guarded([&ctx](const httplib::Request& req, httplib::Response& res) {
                const json body = parseJsonObject(req.body);
                const std::string username = requireString(body, "username");
                const std::string password = requireString(body, "password", false);
                const int64_t now = nowSeconds();
                const std::string address = "addr:" + req.remote_addr;
                const int64_t wait = std::max(ctx.userFailures.retryAfter("user:" + username, now),
                                              ctx.addressFailures.retryAfter(address, now));
                if (wait > 0) {
                  sendError(res, 429, "rate_limited", "too many failed logins; retry later");
                  res.set_header("Retry-After", std::to_string(wait));
                  return;
                }
                Db& db = ctx.store.db();
                std::optional<AuthUser> user;
                std::string record;
                {
                  std::lock_guard lock(db.mutex());
                  Stmt q(db, "SELECT id, username, display_name, roles, password_hash FROM users WHERE username = ?");
                  q.bindAll(username);
                  if (q.step()) {
                    user = AuthUser{q.text(0), q.text(1), q.text(2), splitRoles(q.text(3))};
                    record = q.text(4);
                  }
                }
                // Derive the key even for unknown users so that timing does not reveal them.
                static const std::string dummy = hashPassword("not-a-user", ctx.options.kdfIterations);
                const bool ok = verifyPassword(password, user ? record : dummy) && user;
                if (!ok) {
                  ctx.userFailures.recordFailure("user:" + username, now);
                  ctx.addressFailures.recordFailure(address, now);
                  throw ApiFailure(401, "unauthorized", "wrong username or password");
                }
                ctx.userFailures.clear("user:" + username);
                const std::string token = randomHex(32);
                const int64_t expires = now + ctx.options.tokenTtlSeconds;
                {
                  std::lock_guard lock(db.mutex());
                  Stmt ins(db, "INSERT INTO tokens(token_hash, user_id, expires_at) VALUES(?, ?, ?)");
                  ins.bindAll(sha256Hex(token), user->id, expires).run();
                }
                sendJson(res, 200, {{"token", token}, {"expires_at", rfc3339(expires)}, {"user", user->toJson()}});
              }));

  server.Post("/api/v1/auth/logout", guarded([&ctx](const httplib::Request& req, httplib::Response& res) {
                authenticate(ctx, req);
                const std::string token = req.get_header_value("Authorization").substr(7);
                Db& db = ctx.store.db();
                std::lock_guard lock(db.mutex());
                Stmt q(db, "UPDATE tokens SET revoked = 1 WHERE token_hash = ?");
                q.bindAll(sha256Hex(token)).run();
                res.status = 204;
              }));

  server.Get("/api/v1/me", guarded([&ctx](const httplib::Request& req, httplib::Response& res) {
               sendJson(res, 200, authenticate(ctx, req).toJson());
             }));
}

}  // namespace medpics::platform
