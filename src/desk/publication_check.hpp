// The residual check of what A, A would publish, run in the background once the regions stop changing and kept
// with the hash of what it checked, so that the second A publishes at once when nothing changed since.
#pragma once
#include "medpics/mask/residual.hpp"
#include "medpics/work/decision_payload.hpp"

#include <string>

namespace medpics::desk {

struct PublicationCheck {
  std::string stamp;        // cheap change detector: document revisions, image states, caption ticks
  std::string key;          // sha256 of what would be published (regions, seeds, caption masks) at `stamp`
  double keyChangedAt = 0;  // when `stamp` last changed (the check starts once the regions are still)
  std::string runningKey;   // a check in flight for this key ("" when none)
  std::string readyKey;     // the result below belongs to this key ("" when none)
  mask::ResidualCheck residual;
  work::MaskedImages masked;      // the exact published bytes the check looked at (memory only)
  std::string error;              // publishing itself failed
  bool approveWhenReady = false;  // the second A came before the check of the current key finished
  int runs = 0;                   // checks started for this post (tests, benchmark)
};

// Regions stay still this long before the background check starts.
inline constexpr double kPublicationCheckDelay = 0.3;

}  // namespace medpics::desk
