// Typed client of the platform API v1: one instance per thread (it owns a libcurl handle).
#pragma once
#include "medpics/api/http_client.hpp"
#include "medpics/api/result.hpp"
#include "medpics/api/types.hpp"

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

namespace medpics::api {

// A post decision: reject (JSON) or approve (multipart with the masked image bytes).
struct PostDecisionRequest {
  std::string action;  // "approve" | "reject"
  std::string leaseId;
  std::string reasonCode;  // reject only
  std::string message;     // to the poster (French)
  nlohmann::json regions = nlohmann::json::array();
  nlohmann::json residualCheck;        // approve: {"ran", "phi_findings_outside", ...}
  std::optional<std::string> caption;  // published caption, when masked
  std::map<std::string, std::pair<std::string, std::string>> maskedImages;  // image id → (content type, bytes)
};

struct RegistrationDecisionRequest {
  std::string action;  // "approve" | "reject" | "request_info"
  std::string leaseId, reasonCode, message;
  nlohmann::json checklist = nlohmann::json::array();
  std::string note;  // the verifier's reason when deciding against the checks' suggestion (kept in the evidence)
};

struct Bytes {
  std::string data, contentType, etag;
  bool notModified = false;
};

class PlatformClient {
 public:
  explicit PlatformClient(std::string baseUrl, std::string token = {});

  const std::string& baseUrl() const { return http_.baseUrl(); }
  void setToken(std::string token) { token_ = std::move(token); }
  const std::string& token() const { return token_; }
  void setCaBundle(std::string path) { http_.setCaBundle(std::move(path)); }
  void setTimeoutMs(long ms) { timeoutMs_ = ms; }

  Result<nlohmann::json> health();
  Result<Session> login(const std::string& username, const std::string& password);  // stores the token
  Result<Unit> logout();
  Result<User> me();

  Result<Page<PostSummary>> listPosts(const std::string& status = "pending", int limit = 20,
                                      const std::string& cursor = {}, const std::string& kind = {});
  Result<PostDetail> post(const std::string& id);
  Result<Lease> claim(const std::string& subjectType, const std::string& id);  // "posts" | "registrations"
  Result<Lease> renew(const std::string& subjectType, const std::string& id, const std::string& leaseId);
  Result<Unit> release(const std::string& subjectType, const std::string& id);
  Result<Bytes> download(const std::string& url, const std::string& ifNoneMatch = {});
  Result<Decision> decidePost(const std::string& id, const PostDecisionRequest& decision,
                              const std::string& idempotencyKey);
  // POST /{route}/{id}/decision with a body already in the decision form (work::toJson of a DecisionDraft):
  // `multipart` (a post approval): the body as part "decision" and one part per masked image; else a JSON body.
  Result<Decision> sendDecision(const std::string& route, const std::string& id, const nlohmann::json& body,
                                bool multipart,
                                const std::map<std::string, std::pair<std::string, std::string>>& maskedImages,
                                const std::string& idempotencyKey);

  // identifier: only registrations claiming this RPPS / ADELI / Ordre number / INE (duplicate accounts).
  Result<Page<RegistrationSummary>> listRegistrations(const std::string& status = "pending", int limit = 20,
                                                      const std::string& cursor = {},
                                                      const std::string& identifier = {});
  Result<RegistrationDetail> registration(const std::string& id);
  Result<Decision> decideRegistration(const std::string& id, const RegistrationDecisionRequest& decision,
                                      const std::string& idempotencyKey);

  Result<Page<Decision>> decisions(const std::string& query = {});
  Result<Decision> decision(const std::string& id);

  // Low level: JSON request with auth; parses the JSON answer or the error body.
  Result<nlohmann::json> requestJson(const std::string& method, const std::string& path,
                                     const nlohmann::json* body = nullptr,
                                     const std::map<std::string, std::string>& headers = {});

 private:
  Result<nlohmann::json> toJson(const HttpResponse& response);
  template <class T, class Parse>
  Result<T> parseWith(Result<nlohmann::json> raw, Parse parse);
  std::map<std::string, std::string> authHeaders() const;

  HttpClient http_;
  std::string token_;
  long timeoutMs_ = 15000;
};

// A fresh random idempotency key (UUID v4 text).
std::string newIdempotencyKey();
// Percent-encodes a query parameter value.
std::string urlEncode(const std::string& value);

}  // namespace medpics::api
