// Journal form of decisions (no pixels) and how a journalled decision is sent, re-rendering masks when needed.
#pragma once
#include "medpics/api/platform_client.hpp"
#include "medpics/work/outbox.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <utility>

namespace medpics::work {

// image id → (content type, masked bytes): an approval's upload, kept in memory only.
using MaskedImages = std::map<std::string, std::pair<std::string, std::string>>;

// A post decision in journal form: the request without its masked bytes, plus the mosaic seed of each image so that
// the burn-in can be reproduced exactly from the original (seeds: image id → seed).
OutboxEntry postEntry(const std::string& postId, const api::PostDecisionRequest& request,
                      const std::map<std::string, std::uint32_t>& seeds);
OutboxEntry registrationEntry(const std::string& registrationId, const api::RegistrationDecisionRequest& request);

api::PostDecisionRequest postRequestFromJson(const nlohmann::json& decision);
api::RegistrationDecisionRequest registrationRequestFromJson(const nlohmann::json& decision);

// Renders an approval's masked images again from the originals on the server, the journalled regions and seeds
// (the burn-in is deterministic): used when the in-memory upload did not survive (crash, kill -9, restart).
api::Result<MaskedImages> renderMaskedImages(api::PlatformClient& client, const std::string& postId,
                                             const nlohmann::json& decision);

// Sends one journalled entry with its idempotency key. `masked`: the in-memory upload of an approval, or null to
// re-render it (renderMaskedImages).
api::Result<api::Decision> sendEntry(api::PlatformClient& client, const OutboxEntry& entry, const MaskedImages* masked);

}  // namespace medpics::work
