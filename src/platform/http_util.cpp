// HTTP helper implementations: consistent error bodies and strict validation of request fields.
#include "http_util.hpp"

#include "medpics/util/json_depth.hpp"
#include "medpics/util/one_of.hpp"

namespace medpics::platform {
using nlohmann::json;

void badRequest(const std::string& message) { throw ApiFailure(400, "bad_request", message); }

void sendJson(httplib::Response& res, int status, const json& body) {
  res.status = status;
  res.set_content(body.dump(), "application/json");
}

void sendError(httplib::Response& res, int status, const std::string& code, const std::string& message,
               const json& extra) {
  json body = extra.is_object() ? extra : json::object();
  body["error"] = code;
  body["message"] = message;
  sendJson(res, status, body);
}

std::string defaultErrorCode(int status) {
  switch (status) {
    case 400: return "bad_request";
    case 401: return "unauthorized";
    case 403: return "forbidden";
    case 404: return "not_found";
    case 405: return "not_found";
    case 409: return "conflict";
    case 413: return "payload_too_large";
    case 429: return "rate_limited";
    case 503: return "unavailable";
    default: return status >= 500 ? "internal" : "bad_request";
  }
}

json parseJsonObject(const std::string& body, size_t limit) {
  if (body.size() > limit)
    throw ApiFailure(413, "payload_too_large",
                     "body of " + std::to_string(body.size()) + " bytes is over the limit of " + std::to_string(limit));
  if (util::jsonNestingDepth(body, util::kMaxJsonDepth) > util::kMaxJsonDepth)
    throw ApiFailure(400, "invalid_json",
                     "the body is nested deeper than " + std::to_string(util::kMaxJsonDepth) + " levels");
  json j = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) throw ApiFailure(400, "invalid_json", "the body is not valid JSON");
  if (!j.is_object()) throw ApiFailure(400, "invalid_json", "the body must be a JSON object");
  return j;
}

std::string requireString(const json& obj, const std::string& field, bool nonEmpty) {
  auto it = obj.find(field);
  if (it == obj.end() || it->is_null()) badRequest("field '" + field + "' is required");
  if (!it->is_string()) badRequest("field '" + field + "' must be a string");
  std::string v = it->get<std::string>();
  if (nonEmpty && v.empty()) badRequest("field '" + field + "' must not be empty");
  return v;
}

std::optional<std::string> optionalString(const json& obj, const std::string& field) {
  auto it = obj.find(field);
  if (it == obj.end() || it->is_null()) return std::nullopt;
  if (!it->is_string()) badRequest("field '" + field + "' must be a string");
  return it->get<std::string>();
}

const json& requireArray(const json& obj, const std::string& field) {
  auto it = obj.find(field);
  if (it == obj.end()) badRequest("field '" + field + "' is required");
  if (!it->is_array()) badRequest("field '" + field + "' must be an array");
  return *it;
}

void requireOneOf(const std::string& field, const std::string& value, std::initializer_list<const char*> allowed) {
  if (auto message = util::notOneOf(field, value, allowed)) badRequest(*message);
}

int queryLimit(const httplib::Request& req) {
  if (!req.has_param("limit")) return 20;
  const std::string v = req.get_param_value("limit");
  if (v.empty() || v.size() > 4 || v.find_first_not_of("0123456789") != std::string::npos)
    badRequest("parameter 'limit' must be an integer between 1 and 100");
  const int n = std::stoi(v);
  if (n < 1 || n > 100) badRequest("parameter 'limit' must be an integer between 1 and 100");
  return n;
}

std::optional<int64_t> queryCursor(const httplib::Request& req) {
  if (!req.has_param("cursor") || req.get_param_value("cursor").empty()) return std::nullopt;
  const std::string v = req.get_param_value("cursor");
  if (v.size() < 2 || v.size() > 19 || v[0] != 'c' || v.find_first_not_of("0123456789", 1) != std::string::npos)
    badRequest("parameter 'cursor' is not a cursor given by this server");
  return std::stoll(v.substr(1));
}

std::string makeCursor(int64_t seq) { return "c" + std::to_string(seq); }

}  // namespace medpics::platform
