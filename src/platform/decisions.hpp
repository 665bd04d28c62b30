// The decision protocol shared by posts and registrations: idempotency replay, validation, lease and
// status checks, then one transaction that records the decision, its evidence and the answer.
#pragma once
#include "leases.hpp"

#include <functional>

namespace medpics::platform {

// What a validated request will do; `apply` runs inside the decision's transaction.
struct PreparedDecision {
  std::string action;     // approve | reject | request_info
  std::string newStatus;  // approved | rejected | info_requested
  nlohmann::json reasonCode = nullptr, message = nullptr;
  nlohmann::json extraAnswer = nlohmann::json::object();  // e.g. published_images
  nlohmann::json evidence = nlohmann::json::object();     // regions, checklist, caption...
  std::function<void(Db&)> apply;
};

// Parses and validates the request body (throws ApiFailure 400/413); may do heavy work (no lock held).
using Prepare = std::function<PreparedDecision(const AuthUser& user, const std::string& id)>;

void handleDecision(Context& ctx, const Subject& s, const httplib::Request& req, httplib::Response& res,
                    const Prepare& prepare);

// JSON of a stored decision: the answer shape, or with its evidence.
nlohmann::json decisionJson(Db& db, const std::string& decisionId, bool withEvidence);

}  // namespace medpics::platform
