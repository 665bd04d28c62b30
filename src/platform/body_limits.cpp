// Body limits per route on the declared length; the connection guard then bounds the time the body may take.
#include "body_limits.hpp"

#include "connection_guard.hpp"

#include <regex>

namespace medpics::platform {

size_t bodyLimitFor(const httplib::Request& req) {
  static const std::regex decision("^/api/v1/posts/[^/]+/decision$");
  if (req.method == "POST" && std::regex_match(req.path, decision)) return kMaxDecisionBody;
  if (req.path.rfind("/api/v1/auth/", 0) == 0) return kMaxAuthBody;
  return kMaxJsonBody;
}

namespace {
bool refuse(httplib::Response& res, int status, const std::string& code, const std::string& message) {
  sendError(res, status, code, message);
  res.set_header("Connection", "close");
  if (auto* connection = currentConnection()) connection->closeAfterAnswer();
  return true;
}

bool parseLength(const std::string& text, uint64_t& out) {
  if (text.empty() || text.size() > 19 || text.find_first_not_of("0123456789") != std::string::npos) return false;
  out = std::stoull(text);
  return true;
}
}  // namespace

bool refuseBodyBeforeReading(Context& ctx, const httplib::Request& req, httplib::Response& res) {
  if (req.has_header("Transfer-Encoding"))
    return refuse(res, 411, "length_required", "chunked or encoded bodies are not accepted: send a Content-Length");
  const bool bodyMethod = req.method == "POST" || req.method == "PUT" || req.method == "PATCH";
  if (!req.has_header("Content-Length")) {
    if (bodyMethod) return refuse(res, 411, "length_required", "a " + req.method + " needs a Content-Length");
    return false;
  }
  uint64_t length = 0;
  if (!parseLength(req.get_header_value("Content-Length"), length))
    return refuse(res, 400, "bad_request", "invalid Content-Length");
  const size_t limit = bodyLimitFor(req);
  if (length > limit)
    return refuse(res, 413, "payload_too_large",
                  "body of " + std::to_string(length) + " bytes is over the limit of " + std::to_string(limit) +
                      " for this route");
  if (length > kMaxJsonBody) {
    try {
      authenticate(ctx, req);
    } catch (const ApiFailure& f) {
      return refuse(res, f.status, f.code, f.what());
    }
  }
  if (auto* connection = currentConnection()) connection->allowBody(length);
  return false;
}

}  // namespace medpics::platform
