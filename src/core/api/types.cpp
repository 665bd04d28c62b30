// JSON → DTO mapping of the platform API; missing optional fields become empty values.
#include "medpics/api/types.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>

namespace medpics::api {
namespace {
using nlohmann::json;

std::string str(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return {};
  return it->get<std::string>();
}

// An integer field; a float or an out-of-range value is a shape error (converting -1e308 to int is undefined
// behaviour: found by fuzz_api_answer under UBSan).
template <class T>
T num(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return T{};
  const auto bad = [&] {
    return json::type_error::create(302, std::string("field '") + key + "' must be an integer in range", &*it);
  };
  if (!it->is_number_integer()) throw bad();
  if (it->is_number_unsigned()) {
    const auto v = it->get<std::uint64_t>();
    if (v > static_cast<std::uint64_t>(std::numeric_limits<T>::max())) throw bad();
    return static_cast<T>(v);
  }
  const auto v = it->get<std::int64_t>();
  if (v < std::numeric_limits<T>::min() || v > std::numeric_limits<T>::max()) throw bad();
  return static_cast<T>(v);
}

std::optional<Lease> optLease(const json& j) {
  auto it = j.find("lease");
  if (it == j.end() || it->is_null()) return std::nullopt;
  return parseLease(*it);
}

std::optional<Decision> optDecision(const json& j) {
  auto it = j.find("decision");
  if (it == j.end() || it->is_null()) return std::nullopt;
  return parseDecision(*it);
}

Author parseAuthor(const json& j) { return {str(j, "id"), str(j, "display_name")}; }

// The fields a post's summary and detail share: id (required), status, kind, creation time.
template <class Post>
void parsePostHead(const json& j, Post& p) {
  p.id = j.at("id").get<std::string>();
  p.status = str(j, "status");
  p.kind = str(j, "kind");
  p.createdAt = str(j, "created_at");
}

// The fields a registration's summary and detail share: id (required), status, submission time.
template <class Registration>
void parseRegistrationHead(const json& j, Registration& r) {
  r.id = j.at("id").get<std::string>();
  r.status = str(j, "status");
  r.submittedAt = str(j, "submitted_at");
}

ImageRef parseImageRef(const json& j) {
  ImageRef r;
  r.id = j.at("id").get<std::string>();
  r.contentType = str(j, "content_type");
  r.sha256 = str(j, "sha256");
  r.url = str(j, "url");
  r.width = num<int>(j, "width");
  r.height = num<int>(j, "height");
  r.bytes = num<long long>(j, "bytes");
  return r;
}
}  // namespace

bool User::hasRole(const std::string& role) const { return std::find(roles.begin(), roles.end(), role) != roles.end(); }

User parseUser(const json& j) {
  User u;
  u.id = str(j, "id");
  u.username = j.at("username").get<std::string>();
  u.displayName = str(j, "display_name");
  u.roles = j.at("roles").get<std::vector<std::string>>();
  return u;
}

Session parseSession(const json& j) {
  return {j.at("token").get<std::string>(), str(j, "expires_at"), parseUser(j.at("user"))};
}

Lease parseLease(const json& j) {
  Lease l;
  l.leaseId = str(j, "lease_id");
  l.holder = str(j, "holder");
  l.expiresAt = str(j, "expires_at");
  l.ttlSeconds = num<int>(j, "ttl_seconds");
  return l;
}

PostSummary parsePostSummary(const json& j) {
  PostSummary p;
  parsePostHead(j, p);
  p.captionExcerpt = str(j, "caption_excerpt");
  if (j.contains("author") && j["author"].is_object()) p.author = parseAuthor(j["author"]);
  p.imageCount = num<int>(j, "image_count");
  p.lease = optLease(j);
  return p;
}

PostDetail parsePostDetail(const json& j) {
  PostDetail p;
  parsePostHead(j, p);
  p.caption = str(j, "caption");
  if (j.contains("author") && j["author"].is_object()) p.author = parseAuthor(j["author"]);
  for (const auto& img : j.at("images")) p.images.push_back(parseImageRef(img));
  p.lease = optLease(j);
  p.decision = optDecision(j);
  return p;
}

RegistrationSummary parseRegistrationSummary(const json& j) {
  RegistrationSummary r;
  parseRegistrationHead(j, r);
  r.applicantName = str(j, "applicant_name");
  r.profession = str(j, "profession");
  r.category = str(j, "category");
  r.documentCount = num<int>(j, "document_count");
  r.lease = optLease(j);
  return r;
}

RegistrationDetail parseRegistrationDetail(const json& j) {
  RegistrationDetail r;
  parseRegistrationHead(j, r);
  const json& a = j.at("applicant");
  r.applicant = {str(a, "first_name"),   str(a, "last_name"),       str(a, "birth_name"), str(a, "email"),
                 str(a, "profession"),   str(a, "profession_code"), str(a, "category"),   str(a, "rpps"),
                 str(a, "adeli"),        str(a, "ordre_number"),    str(a, "ine"),        str(a, "university"),
                 str(a, "academic_year")};
  for (const auto& d : j.at("documents")) {
    r.documents.push_back(parseImageRef(d));
    r.documentKinds.push_back(str(d, "kind"));
  }
  r.lease = optLease(j);
  r.decision = optDecision(j);
  return r;
}

Decision parseDecision(const json& j) {
  Decision d;
  d.decisionId = str(j, "decision_id");
  d.subjectType = str(j, "subject_type");
  d.subjectId = str(j, "subject_id");
  d.action = str(j, "action");
  d.reasonCode = str(j, "reason_code");
  d.message = str(j, "message");
  d.decidedBy = str(j, "decided_by");
  d.decidedAt = str(j, "decided_at");
  d.raw = j;
  return d;
}

}  // namespace medpics::api
