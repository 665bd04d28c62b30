// Authentication: bearer-token lookup (stored as SHA-256 of the token), role checks, guarded handlers.
#include "context.hpp"

#include "medpics/util/log.hpp"
#include "medpics/util/sha256.hpp"

#include <algorithm>
#include <sstream>

namespace medpics::platform {
using nlohmann::json;

bool AuthUser::has(const std::string& role) const { return std::find(roles.begin(), roles.end(), role) != roles.end(); }

json AuthUser::toJson() const {
  return {{"id", id}, {"username", username}, {"display_name", displayName}, {"roles", roles}};
}

std::vector<std::string> splitRoles(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream in(text);
  for (std::string r; std::getline(in, r, ',');)
    if (!r.empty()) out.push_back(r);
  return out;
}

AuthUser authenticate(Context& ctx, const httplib::Request& req) {
  const std::string header = req.get_header_value("Authorization");
  const std::string prefix = "Bearer ";
  if (header.size() <= prefix.size() || header.compare(0, prefix.size(), prefix) != 0)
    throw ApiFailure(401, "unauthorized", "a bearer token is required");
  const std::string token = header.substr(prefix.size());
  Db& db = ctx.store.db();
  std::lock_guard lock(db.mutex());
  Stmt q(db,
         "SELECT u.id, u.username, u.display_name, u.roles, t.expires_at, t.revoked FROM tokens t "
         "JOIN users u ON u.id = t.user_id WHERE t.token_hash = ?");
  q.bindAll(sha256Hex(token));
  if (!q.step()) throw ApiFailure(401, "unauthorized", "unknown token");
  if (q.integer(5)) throw ApiFailure(401, "unauthorized", "the token was revoked");
  if (q.integer(4) <= nowSeconds()) throw ApiFailure(401, "unauthorized", "the token has expired");
  return {q.text(0), q.text(1), q.text(2), splitRoles(q.text(3))};
}

void requireRole(const AuthUser& user, const std::string& role) {
  if (!user.has(role)) throw ApiFailure(403, "forbidden", "this route needs the role '" + role + "'");
}

httplib::Server::Handler guarded(RouteHandler handler) {
  return [handler = std::move(handler)](const httplib::Request& req, httplib::Response& res) {
    try {
      handler(req, res);
    } catch (const ApiFailure& f) {
      sendError(res, f.status, f.code, f.what(), f.extra);
    } catch (const std::exception& e) {
      log::error(std::string("platform: ") + req.method + " " + req.path + ": " + e.what());
      sendError(res, 500, "internal", "internal error");
    }
  };
}

}  // namespace medpics::platform
