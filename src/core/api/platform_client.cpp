// PlatformClient: maps each API v1 route onto HttpClient calls and DTO parsing.
#include "medpics/api/platform_client.hpp"

#include "medpics/api/answer.hpp"

#include <openssl/rand.h>

#include <cstdio>

namespace medpics::api {
using nlohmann::json;

namespace {
constexpr std::size_t kMaxJsonAnswer = 16u << 20;  // API answers are small; a larger one is refused unparsed
}

PlatformClient::PlatformClient(std::string baseUrl, std::string token)
    : http_(std::move(baseUrl)), token_(std::move(token)) {}

std::map<std::string, std::string> PlatformClient::authHeaders() const {
  std::map<std::string, std::string> h{{"Accept", "application/json"}};
  if (!token_.empty()) h["Authorization"] = "Bearer " + token_;
  return h;
}

Result<json> PlatformClient::toJson(const HttpResponse& response) { return answerJson(response); }

template <class T, class Parse>
Result<T> PlatformClient::parseWith(Result<json> raw, Parse parse) {
  return parseAnswer<T>(std::move(raw), parse);
}

Result<json> PlatformClient::requestJson(const std::string& method, const std::string& path, const json* body,
                                         const std::map<std::string, std::string>& headers) {
  HttpRequest req;
  req.method = method;
  req.path = path;
  req.headers = authHeaders();
  for (const auto& [k, v] : headers) req.headers[k] = v;
  req.timeoutMs = timeoutMs_;
  req.maxResponseBytes = kMaxJsonAnswer;
  if (body) {
    req.body = body->dump();
    req.contentType = "application/json";
  }
  return toJson(http_.send(req));
}

Result<json> PlatformClient::health() { return requestJson("GET", "/api/v1/health"); }

Result<Session> PlatformClient::login(const std::string& username, const std::string& password) {
  const json body{{"username", username}, {"password", password}};
  auto session = parseWith<Session>(requestJson("POST", "/api/v1/auth/login", &body), parseSession);
  if (session) token_ = session->token;
  return session;
}

Result<Unit> PlatformClient::logout() {
  auto r = requestJson("POST", "/api/v1/auth/logout");
  if (!r) return r.error();
  token_.clear();
  return Unit{};
}

Result<User> PlatformClient::me() { return parseWith<User>(requestJson("GET", "/api/v1/me"), parseUser); }

Result<Page<PostSummary>> PlatformClient::listPosts(const std::string& status, int limit, const std::string& cursor,
                                                    const std::string& kind) {
  std::string path = "/api/v1/posts?status=" + urlEncode(status) + "&limit=" + std::to_string(limit);
  if (!cursor.empty()) path += "&cursor=" + urlEncode(cursor);
  if (!kind.empty()) path += "&kind=" + urlEncode(kind);
  return parseWith<Page<PostSummary>>(requestJson("GET", path),
                                      [](const json& j) { return parsePage<PostSummary>(j, parsePostSummary); });
}

Result<PostDetail> PlatformClient::post(const std::string& id) {
  return parseWith<PostDetail>(requestJson("GET", "/api/v1/posts/" + urlEncode(id)), parsePostDetail);
}

Result<Lease> PlatformClient::claim(const std::string& subjectType, const std::string& id) {
  return parseWith<Lease>(requestJson("POST", "/api/v1/" + subjectType + "/" + urlEncode(id) + "/claim"), parseLease);
}

Result<Lease> PlatformClient::renew(const std::string& subjectType, const std::string& id, const std::string& leaseId) {
  const json body{{"lease_id", leaseId}};
  return parseWith<Lease>(requestJson("POST", "/api/v1/" + subjectType + "/" + urlEncode(id) + "/lease/renew", &body),
                          parseLease);
}

Result<Unit> PlatformClient::release(const std::string& subjectType, const std::string& id) {
  auto r = requestJson("DELETE", "/api/v1/" + subjectType + "/" + urlEncode(id) + "/lease");
  if (!r) return r.error();
  return Unit{};
}

Result<Bytes> PlatformClient::download(const std::string& url, const std::string& ifNoneMatch) {
  HttpRequest req;
  req.path = url;
  req.headers = authHeaders();
  req.headers.erase("Accept");
  if (!ifNoneMatch.empty()) req.headers["If-None-Match"] = ifNoneMatch;
  req.timeoutMs = std::max(timeoutMs_, 60000L);
  HttpResponse res = http_.send(req);
  if (res.status == 304) return Bytes{{}, {}, ifNoneMatch, true};
  if (res.status != 200) {
    auto err = toJson(res);
    return err ? ApiError{res.status, "http_error", "unexpected status"} : err.error();
  }
  Bytes bytes;
  bytes.data = std::move(res.body);
  bytes.contentType = res.headers["content-type"];
  bytes.etag = res.headers["etag"];
  return bytes;
}

Result<Decision> PlatformClient::decidePost(const std::string& id, const PostDecisionRequest& d,
                                            const std::string& idempotencyKey) {
  json body{{"action", d.action}, {"lease_id", d.leaseId}, {"regions", d.regions}};
  if (!d.reasonCode.empty()) body["reason_code"] = d.reasonCode;
  if (!d.message.empty()) body["message"] = d.message;
  if (!d.residualCheck.is_null()) body["residual_check"] = d.residualCheck;
  if (d.caption) body["caption"] = *d.caption;
  return sendDecision("posts", id, body, d.action == "approve", d.maskedImages, idempotencyKey);
}

Result<Decision> PlatformClient::sendDecision(
    const std::string& route, const std::string& id, const json& body, bool multipart,
    const std::map<std::string, std::pair<std::string, std::string>>& maskedImages, const std::string& idempotencyKey) {
  const std::string path = "/api/v1/" + route + "/" + urlEncode(id) + "/decision";
  if (!multipart)
    return parseWith<Decision>(requestJson("POST", path, &body, {{"Idempotency-Key", idempotencyKey}}), parseDecision);

  HttpRequest req;
  req.method = "POST";
  req.path = path;
  req.headers = authHeaders();
  req.headers["Idempotency-Key"] = idempotencyKey;
  req.timeoutMs = std::max(timeoutMs_, 60000L);
  req.parts.push_back({"decision", "application/json", body.dump(), ""});
  for (const auto& [imageId, image] : maskedImages)
    req.parts.push_back({"image:" + imageId, image.first, image.second, imageId});
  return parseWith<Decision>(toJson(http_.send(req)), parseDecision);
}

Result<Page<RegistrationSummary>> PlatformClient::listRegistrations(const std::string& status, int limit,
                                                                    const std::string& cursor,
                                                                    const std::string& identifier) {
  std::string path = "/api/v1/registrations?status=" + urlEncode(status) + "&limit=" + std::to_string(limit);
  if (!cursor.empty()) path += "&cursor=" + urlEncode(cursor);
  if (!identifier.empty()) path += "&identifier=" + urlEncode(identifier);
  return parseWith<Page<RegistrationSummary>>(requestJson("GET", path), [](const json& j) {
    return parsePage<RegistrationSummary>(j, parseRegistrationSummary);
  });
}

Result<RegistrationDetail> PlatformClient::registration(const std::string& id) {
  return parseWith<RegistrationDetail>(requestJson("GET", "/api/v1/registrations/" + urlEncode(id)),
                                       parseRegistrationDetail);
}

Result<Decision> PlatformClient::decideRegistration(const std::string& id, const RegistrationDecisionRequest& d,
                                                    const std::string& idempotencyKey) {
  json body{{"action", d.action}, {"lease_id", d.leaseId}, {"checklist", d.checklist}};
  if (!d.reasonCode.empty()) body["reason_code"] = d.reasonCode;
  if (!d.message.empty()) body["message"] = d.message;
  if (!d.note.empty()) body["note"] = d.note;
  return parseWith<Decision>(requestJson("POST", "/api/v1/registrations/" + urlEncode(id) + "/decision", &body,
                                         {{"Idempotency-Key", idempotencyKey}}),
                             parseDecision);
}

Result<Page<Decision>> PlatformClient::decisions(const std::string& query) {
  return parseWith<Page<Decision>>(requestJson("GET", "/api/v1/decisions" + (query.empty() ? "" : "?" + query)),
                                   [](const json& j) { return parsePage<Decision>(j, parseDecision); });
}

Result<Decision> PlatformClient::decision(const std::string& id) {
  return parseWith<Decision>(requestJson("GET", "/api/v1/decisions/" + urlEncode(id)), parseDecision);
}

std::string newIdempotencyKey() {
  unsigned char b[16];
  if (RAND_bytes(b, sizeof b) != 1) throw std::runtime_error("RAND_bytes failed");
  b[6] = (b[6] & 0x0F) | 0x40;
  b[8] = (b[8] & 0x3F) | 0x80;
  char text[37];
  std::snprintf(text, sizeof text, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0], b[1],
                b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
  return text;
}

std::string urlEncode(const std::string& value) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : value) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0xF]);
    }
  }
  return out;
}

}  // namespace medpics::api
