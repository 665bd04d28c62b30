// Route: GET /stats/decisions — decisions since a time, per hour, per action, per user, and regions per kind.
// scope=own (default): the caller's decisions; scope=all: everyone's, admins only (explicit role check, 403).
#include "context.hpp"
#include "db.hpp"

#include <map>

namespace medpics::platform {
using nlohmann::json;

namespace {
constexpr int64_t kHour = 3600;

// Counts the regions of a post decision's evidence by kind ("manual" for the moderator's own) and state.
void countRegions(const json& evidence, std::map<std::string, std::map<std::string, int>>& perKind) {
  const auto regions = evidence.find("regions");
  if (regions == evidence.end() || !regions->is_array()) return;
  for (const auto& r : *regions) {
    if (!r.is_object()) continue;
    const bool manual = r.value("origin", "auto") == "manual";
    const std::string kind = manual ? "manual" : r.value("kind", "other");
    ++perKind[kind][r.value("state", "accepted")];
  }
}
}  // namespace

void registerStatsRoutes(httplib::Server& server, Context& ctx) {
  server.Get("/api/v1/stats/decisions", guarded([&ctx](const httplib::Request& req, httplib::Response& res) {
               const AuthUser user = authenticate(ctx, req);
               const std::string scope = req.has_param("scope") ? req.get_param_value("scope") : "own";
               requireOneOf("scope", scope, {"own", "all"});
               if (scope == "all") requireRole(user, "admin");  // everyone's decisions: audit, admins only
               if (!req.has_param("since")) badRequest("parameter 'since' (RFC 3339) is required");
               const auto since = parseRfc3339(req.get_param_value("since"));
               if (!since) badRequest("parameter 'since' must be an RFC 3339 time");

               std::map<int64_t, int> perHour;
               std::map<std::string, int> perAction, perUser;
               std::map<std::string, std::map<std::string, int>> perKind;
               int total = 0;
               {
                 Db& db = ctx.store.db();
                 std::lock_guard lock(db.mutex());
                 Stmt q(db,
                        "SELECT decided_at, decided_by, answer, evidence FROM decisions "
                        "WHERE decided_at >= ? AND (? = 'all' OR decided_by = ?) ORDER BY seq");
                 q.bindAll(*since, scope, user.username);
                 while (q.step()) {
                   ++total;
                   ++perHour[q.integer(0) / kHour * kHour];
                   ++perUser[q.text(1)];
                   ++perAction[json::parse(q.text(2)).value("action", "")];
                   countRegions(json::parse(q.text(3)), perKind);
                 }
               }
               json hours = json::array();
               for (const auto& [start, count] : perHour) hours.push_back({{"hour", rfc3339(start)}, {"count", count}});
               json kinds = json::object();
               for (const auto& [kind, states] : perKind) kinds[kind] = states;
               json body{{"scope", scope},    {"since", rfc3339(*since)}, {"total", total},
                         {"per_hour", hours}, {"per_action", perAction},  {"regions_per_kind", kinds}};
               if (scope == "all") body["per_user"] = perUser;
               sendJson(res, 200, body);
             }));
}

}  // namespace medpics::platform
