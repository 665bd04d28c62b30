// Data transfer objects of the platform API v1 (docs/platform-api.md) and their JSON mapping.
#pragma once
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace medpics::api {

struct User {
  std::string id, username, displayName;
  std::vector<std::string> roles;
  bool hasRole(const std::string& role) const;
};

struct Session {
  std::string token, expiresAt;
  User user;
};

struct Lease {
  std::string leaseId, holder, expiresAt;
  int ttlSeconds = 0;
};

struct Author {
  std::string id, displayName;
};

struct PostSummary {
  std::string id, status, kind, createdAt, captionExcerpt;
  Author author;
  int imageCount = 0;
  std::optional<Lease> lease;
};

struct ImageRef {
  std::string id, contentType, sha256, url;
  int width = 0, height = 0;
  long long bytes = 0;
};

struct Decision {
  std::string decisionId, subjectType, subjectId, action, reasonCode, message, decidedBy, decidedAt;
  nlohmann::json raw;  // full object, evidence included when served
};

struct PostDetail {
  std::string id, status, kind, createdAt, caption;
  Author author;
  std::vector<ImageRef> images;
  std::optional<Lease> lease;
  std::optional<Decision> decision;
};

struct Applicant {
  std::string firstName, lastName, birthName, email, profession, professionCode, category;
  std::string rpps, adeli, ordreNumber, ine, university, academicYear;
};

struct RegistrationSummary {
  std::string id, status, submittedAt, applicantName, profession, category;
  int documentCount = 0;
  std::optional<Lease> lease;
};

struct RegistrationDetail {
  std::string id, status, submittedAt;
  Applicant applicant;
  std::vector<ImageRef> documents;  // document kind in ImageRef::kind via documentKinds
  std::vector<std::string> documentKinds;
  std::optional<Lease> lease;
  std::optional<Decision> decision;
};

template <class T>
struct Page {
  std::vector<T> items;
  std::string nextCursor;  // empty at the end
  int total = 0;
};

// Parsing throws nlohmann::json::exception (type_error / out_of_range) on malformed answers.
User parseUser(const nlohmann::json& j);
Session parseSession(const nlohmann::json& j);
Lease parseLease(const nlohmann::json& j);
PostSummary parsePostSummary(const nlohmann::json& j);
PostDetail parsePostDetail(const nlohmann::json& j);
RegistrationSummary parseRegistrationSummary(const nlohmann::json& j);
RegistrationDetail parseRegistrationDetail(const nlohmann::json& j);
Decision parseDecision(const nlohmann::json& j);

}  // namespace medpics::api
