// Interpretation of the platform's HTTP answers, shared by PlatformClient, the fuzz targets and the hostile-input
// tests: status + body → JSON or ApiError; JSON → DTO with shape errors turned into ApiError invalid_response.
#pragma once
#include "medpics/api/http_client.hpp"
#include "medpics/api/result.hpp"
#include "medpics/api/types.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace medpics::api {

// 2xx: the parsed body (null when empty); otherwise the error body's code and message; transport failures and
// invalid JSON become ApiError too. Never throws.
Result<nlohmann::json> answerJson(const HttpResponse& response);

// Applies a DTO parser to a JSON answer; a JSON shape mismatch (wrong type, missing item) is ApiError invalid_response.
template <class T, class Parse>
Result<T> parseAnswer(Result<nlohmann::json> raw, Parse parse) {
  if (!raw) return raw.error();
  try {
    return parse(raw.value());
  } catch (const nlohmann::json::exception& e) {
    return ApiError{200, "invalid_response", std::string("unexpected answer: ") + e.what()};
  }
}

// A page of items ("items", "next_cursor", "total").
template <class T, class ParseItem>
Page<T> parsePage(const nlohmann::json& j, ParseItem parseItem) {
  Page<T> page;
  for (const auto& item : j.at("items")) page.items.push_back(parseItem(item));
  if (j.contains("next_cursor") && j["next_cursor"].is_string()) page.nextCursor = j["next_cursor"].get<std::string>();
  if (j.contains("total") && j["total"].is_number_integer()) page.total = j["total"].get<int>();
  return page;
}

// Reads one answer body as every shape the client knows (session, user, lease, post, registration, decision and
// their pages); returns how many shapes accepted it. Used by fuzzing and the hostile-input tests.
int parseAsEveryAnswer(long status, const std::string& body);

}  // namespace medpics::api
