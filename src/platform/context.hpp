// Shared state of the route handlers: the store, the options, login rate limiters; the authenticated user.
#pragma once
#include "http_util.hpp"
#include "rate_limiter.hpp"
#include "server_options.hpp"
#include "store.hpp"

#include <functional>
#include <string>
#include <vector>

namespace medpics::platform {

struct AuthUser {
  std::string id, username, displayName;
  std::vector<std::string> roles;
  bool has(const std::string& role) const;
  nlohmann::json toJson() const;
};

struct Context {
  Store& store;
  const ServerOptions& options;
  RateLimiter userFailures{5, 300};      // 5 failed logins per username per 5 minutes
  RateLimiter addressFailures{20, 300};  // 20 failed logins per client address per 5 minutes
};

// "a,b" → {"a", "b"} (roles are stored comma-separated).
std::vector<std::string> splitRoles(const std::string& text);
// The caller behind the bearer token (401 unauthorized otherwise).
AuthUser authenticate(Context& ctx, const httplib::Request& req);
// 403 forbidden unless the user has the role.
void requireRole(const AuthUser& user, const std::string& role);

using RouteHandler = std::function<void(const httplib::Request&, httplib::Response&)>;
// Wraps a handler: ApiFailure → its error body, any other exception → 500 internal (logged).
httplib::Server::Handler guarded(RouteHandler handler);

void registerAuthRoutes(httplib::Server& server, Context& ctx);
void registerPostRoutes(httplib::Server& server, Context& ctx);
void registerRegistrationRoutes(httplib::Server& server, Context& ctx);
void registerMediaRoutes(httplib::Server& server, Context& ctx);
void registerDecisionRoutes(httplib::Server& server, Context& ctx);
void registerLeaseRoutes(httplib::Server& server, Context& ctx);
void registerStatsRoutes(httplib::Server& server, Context& ctx);

}  // namespace medpics::platform
