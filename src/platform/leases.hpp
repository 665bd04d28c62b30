// Leases on posts and registrations: claim, renew, release, validity checks (all under the Db mutex).
#pragma once
#include "context.hpp"

#include <optional>
#include <string>

namespace medpics::platform {

// A kind of decidable item: "post" (table posts, role moderator) or "registration" (verifier).
struct Subject {
  std::string type;    // "post" | "registration"
  std::string plural;  // "posts" | "registrations"
  std::string table;
  std::string role;
};
const Subject& postSubject();
const Subject& registrationSubject();

struct LeaseRecord {
  std::string leaseId, holder;
  int64_t expiresAt = 0;
};

// The item's status, nullopt when it does not exist.
std::optional<std::string> subjectStatus(Db& db, const Subject& s, const std::string& id);
// The lease still valid at `now`, if any.
std::optional<LeaseRecord> activeLease(Db& db, const Subject& s, const std::string& id, int64_t now);
// {"holder", "expires_at"} or null.
nlohmann::json leaseSummary(const std::optional<LeaseRecord>& lease);
// True when `username` holds the valid lease `leaseId`.
bool holdsLease(Db& db, const Subject& s, const std::string& id, const std::string& username,
                const std::string& leaseId, int64_t now);
void endLease(Db& db, const Subject& s, const std::string& id);

}  // namespace medpics::platform
