// HTTP helpers shared by the routes: JSON answers, error bodies, body parsing, query parameters, paging.
#pragma once
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <optional>
#include <stdexcept>
#include <string>

namespace medpics::platform {

constexpr size_t kMaxJsonBody = 1u << 20;       // 1 MiB
constexpr size_t kMaxDecisionBody = 64u << 20;  // 64 MiB

// Thrown by handlers; turned into {"error", "message"} with its status (plus `extra` fields).
struct ApiFailure : std::runtime_error {
  ApiFailure(int status, std::string code, const std::string& message, nlohmann::json extra = nlohmann::json::object())
      : std::runtime_error(message), status(status), code(std::move(code)), extra(std::move(extra)) {}
  int status;
  std::string code;
  nlohmann::json extra;
};

[[noreturn]] void badRequest(const std::string& message);
void sendJson(httplib::Response& res, int status, const nlohmann::json& body);
void sendError(httplib::Response& res, int status, const std::string& code, const std::string& message,
               const nlohmann::json& extra = nlohmann::json::object());
// Default error code for an HTTP status (used when httplib itself answers, e.g. 404, 413).
std::string defaultErrorCode(int status);

// Parses a JSON object body: 413 over kMaxJsonBody, 400 invalid_json when not JSON or not an object.
nlohmann::json parseJsonObject(const std::string& body, size_t limit = kMaxJsonBody);

// Field access with 400 bad_request naming the field on a missing field or a wrong type.
std::string requireString(const nlohmann::json& obj, const std::string& field, bool nonEmpty = true);
std::optional<std::string> optionalString(const nlohmann::json& obj, const std::string& field);
const nlohmann::json& requireArray(const nlohmann::json& obj, const std::string& field);
void requireOneOf(const std::string& field, const std::string& value, std::initializer_list<const char*> allowed);

// Paging: limit (1..100, default 20) and an opaque cursor ("c<seq>"); 400 on bad values.
int queryLimit(const httplib::Request& req);
std::optional<int64_t> queryCursor(const httplib::Request& req);
std::string makeCursor(int64_t seq);

// One page of a query that selected `limit` + 1 rows with the row's sequence number in column 0: the items
// (`row` turns the current row into JSON) and the next cursor (makeCursor of the last item; null on the last page).
struct Page {
  nlohmann::json items = nlohmann::json::array();
  nlohmann::json nextCursor;  // null
};
template <class Query, class Row>
Page readPage(Query& q, int limit, Row&& row) {
  Page page;
  int64_t lastSeq = 0;
  while (q.step()) {
    if (static_cast<int>(page.items.size()) == limit) {
      page.nextCursor = makeCursor(lastSeq);
      break;
    }
    lastSeq = q.integer(0);
    page.items.push_back(row(q));
  }
  return page;
}

}  // namespace medpics::platform
