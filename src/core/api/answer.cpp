// Answer interpretation: error bodies, invalid JSON, DTO shapes (see medpics/api/answer.hpp).
#include "medpics/api/answer.hpp"

#include "medpics/util/json_depth.hpp"

namespace medpics::api {
using nlohmann::json;

std::string ApiError::describe() const {
  if (transport()) return "network error: " + message;
  return "HTTP " + std::to_string(httpStatus) + " " + code + (message.empty() ? "" : ": " + message);
}

Result<json> answerJson(const HttpResponse& response) {
  if (response.status == 0) return ApiError{0, "network", response.transportError};
  json body;
  if (util::jsonNestingDepth(response.body, util::kMaxJsonDepth) > util::kMaxJsonDepth)
    return ApiError{
        response.status, "invalid_response",
        "the server answered with JSON nested deeper than " + std::to_string(util::kMaxJsonDepth) + " levels"};
  if (!response.body.empty()) {
    body = json::parse(response.body, nullptr, /*allow_exceptions=*/false);
    if (body.is_discarded())
      return ApiError{response.status, "invalid_response", "the server answered with invalid JSON"};
  }
  if (response.status >= 200 && response.status < 300) return body;
  ApiError error{response.status, "http_error", "HTTP " + std::to_string(response.status)};
  if (body.is_object()) {
    if (body.contains("error") && body["error"].is_string()) error.code = body["error"].get<std::string>();
    if (body.contains("message") && body["message"].is_string()) error.message = body["message"].get<std::string>();
  }
  return error;
}

int parseAsEveryAnswer(long status, const std::string& body) {
  HttpResponse response;
  response.status = status;
  response.body = body;
  const Result<json> raw = answerJson(response);
  int accepted = 0;
  auto count = [&](const auto& result) { accepted += result.ok(); };
  count(parseAnswer<Session>(raw, parseSession));
  count(parseAnswer<User>(raw, parseUser));
  count(parseAnswer<Lease>(raw, parseLease));
  count(parseAnswer<PostDetail>(raw, parsePostDetail));
  count(parseAnswer<RegistrationDetail>(raw, parseRegistrationDetail));
  count(parseAnswer<Decision>(raw, parseDecision));
  count(parseAnswer<Page<PostSummary>>(raw, [](const json& j) { return parsePage<PostSummary>(j, parsePostSummary); }));
  count(parseAnswer<Page<RegistrationSummary>>(
      raw, [](const json& j) { return parsePage<RegistrationSummary>(j, parseRegistrationSummary); }));
  count(parseAnswer<Page<Decision>>(raw, [](const json& j) { return parsePage<Decision>(j, parseDecision); }));
  return accepted;
}

}  // namespace medpics::api
