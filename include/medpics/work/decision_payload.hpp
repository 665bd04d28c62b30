// A decision on its way out: the journal entry of a draft, what stays in memory only, and how one entry is sent.
#pragma once
#include "medpics/api/platform_client.hpp"
#include "medpics/work/decision_draft.hpp"
#include "medpics/work/outbox.hpp"

#include <map>
#include <string>
#include <utility>

namespace medpics::work {

// image id → (content type, masked bytes): an approval's upload, kept in memory only.
using MaskedImages = std::map<std::string, std::pair<std::string, std::string>>;

// What a decision needs that never goes to disk, held by the sender until its entry is sent or failed: the full
// draft (masked caption) and the approval's masked upload.
struct HeldDecision {
  DecisionDraft draft;
  MaskedImages masked;
};

// A new journal entry for `draft` (fresh idempotency key; subject and action from the draft). The journal stores
// only the draft's Journal form (decision_codec.hpp).
OutboxEntry journalEntry(DecisionDraft draft);

// Renders an approval's masked images again from the originals on the server, the journalled regions and seeds
// (the burn-in is deterministic): used when the in-memory upload did not survive (crash, kill -9, restart).
api::Result<MaskedImages> renderMaskedImages(api::PlatformClient& client, const DecisionDraft& draft);

// Sends one journalled entry with its idempotency key. `held`: what the desk kept in memory, or null after a
// restart: the masks are re-rendered, the masked caption is made again from the server's caption and the
// journalled spans; a registration's checklist facts are journalled as codes and go unchanged.
api::Result<api::Decision> sendEntry(api::PlatformClient& client, const OutboxEntry& entry, const HeldDecision* held);

}  // namespace medpics::work
