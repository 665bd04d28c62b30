// Connection state of the desk: offline while the platform cannot be reached, probed until it answers again; how a
// failed call is worded (a French or English main line from the catalogue, the technical detail behind "Details").
#include "desk.hpp"
#include "i18n.hpp"

namespace medpics::desk {

namespace {
constexpr double kProbeSeconds = 2.0;  // while offline: how often the platform is asked whether it is back
}

void Desk::onReachability(bool reachable, const std::string& detail) {
  if (reachable) {
    if (offline && sender_) sender_->wake();  // back: the decisions waiting in the outbox go at once
    offline = false;
    offlineDetail.clear();
    return;
  }
  offline = true;
  offlineDetail = detail;
}

void Desk::probeConnection(bool now) {
  if (!session || backend_.tasks().active("connection probe") || (!now && now_ < probeAt_)) return;
  probeAt_ = now_ + kProbeSeconds;
  backend_.call<nlohmann::json>(
      {"connection probe"}, [](api::PlatformClient& c) { return c.health(); },
      [](const api::Result<nlohmann::json>&) {});
}

std::string failureText(const char* contextKey, const api::ApiError& error) {
  const char* why = error.code == "exception" ? "failure.internal"
                    : error.transport()       ? "failure.unreachable"
                    : error.httpStatus == 401 ? "failure.session"
                    : error.httpStatus == 403 ? "failure.forbidden"
                    : error.httpStatus == 404 ? "failure.not_found"
                    : error.httpStatus == 409 ? "failure.conflict"
                    : error.httpStatus == 429 ? "failure.busy"
                    : error.httpStatus >= 500 ? "failure.server"
                                              : "failure.refused";
  return std::string(tr(contextKey)) + colon() + tr(why);
}

}  // namespace medpics::desk
