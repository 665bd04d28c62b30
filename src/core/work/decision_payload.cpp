// Decision journal payloads: request ⇄ JSON, mask re-rendering from journalled geometry, sending one entry.
#include "medpics/work/decision_payload.hpp"

#include "medpics/mask/publish.hpp"
#include "medpics/mask/region.hpp"

namespace medpics::work {
using nlohmann::json;

OutboxEntry postEntry(const std::string& postId, const api::PostDecisionRequest& r,
                      const std::map<std::string, std::uint32_t>& seeds) {
  OutboxEntry e;
  e.key = api::newIdempotencyKey();
  e.subjectType = "post";
  e.subjectId = postId;
  e.action = r.action;
  json seedJson = json::object();
  for (const auto& [id, seed] : seeds) seedJson[id] = seed;
  e.decision = {{"action", r.action},   {"lease_id", r.leaseId}, {"reason_code", r.reasonCode},
                {"message", r.message}, {"regions", r.regions},  {"residual_check", r.residualCheck},
                {"mask_seeds", seedJson}};
  if (r.caption) e.decision["caption"] = *r.caption;
  return e;
}

OutboxEntry registrationEntry(const std::string& registrationId, const api::RegistrationDecisionRequest& r) {
  OutboxEntry e;
  e.key = api::newIdempotencyKey();
  e.subjectType = "registration";
  e.subjectId = registrationId;
  e.action = r.action;
  e.decision = {{"action", r.action},   {"lease_id", r.leaseId},    {"reason_code", r.reasonCode},
                {"message", r.message}, {"checklist", r.checklist}};
  if (!r.note.empty()) e.decision["note"] = r.note;
  return e;
}

api::PostDecisionRequest postRequestFromJson(const json& d) {
  api::PostDecisionRequest r;
  r.action = d.value("action", "");
  r.leaseId = d.value("lease_id", "");
  r.reasonCode = d.value("reason_code", "");
  r.message = d.value("message", "");
  r.regions = d.value("regions", json::array());
  r.residualCheck = d.value("residual_check", json());
  if (d.contains("caption") && d["caption"].is_string()) r.caption = d["caption"].get<std::string>();
  return r;
}

api::RegistrationDecisionRequest registrationRequestFromJson(const json& d) {
  return {d.value("action", ""), d.value("lease_id", ""), d.value("reason_code", ""), d.value("message", ""),
          d.value("checklist", json::array()), d.value("note", "")};
}

api::Result<MaskedImages> renderMaskedImages(api::PlatformClient& client, const std::string& postId,
                                             const json& decision) {
  auto detail = client.post(postId);
  if (!detail) return detail.error();
  const json seeds = decision.value("mask_seeds", json::object());
  MaskedImages out;
  for (const auto& ref : detail->images) {
    auto original = client.download(ref.url);
    if (!original) return original.error();
    mask::PostImage image;
    image.id = ref.id;
    image.bytes = std::move(original.value().data);
    image.contentType = ref.contentType;
    image.seed = seeds.value(ref.id, 0u);
    try {
      for (const auto& r : decision.value("regions", json::array()))
        if (r.value("image_id", "") == ref.id) image.regions.push_back(mask::regionFromJson(r));
    } catch (const std::exception& e) {
      return api::ApiError{0, "invalid_journal", std::string("journalled region: ") + e.what()};
    }
    mask::PublishOptions options;
    options.keepPixels = false;
    const auto published = mask::publishImage(image, options);
    if (!published.ok()) return api::ApiError{0, "render_failed", ref.id + ": " + published.error};
    out[ref.id] = {published.encoded.contentType, published.encoded.bytes};
  }
  return out;
}

api::Result<api::Decision> sendEntry(api::PlatformClient& client, const OutboxEntry& entry, const MaskedImages* masked) {
  if (entry.subjectType == "registration")
    return client.decideRegistration(entry.subjectId, registrationRequestFromJson(entry.decision), entry.key);
  api::PostDecisionRequest request = postRequestFromJson(entry.decision);
  if (request.action == "approve") {
    if (masked) {
      request.maskedImages = *masked;
    } else {
      auto rendered = renderMaskedImages(client, entry.subjectId, entry.decision);
      if (!rendered) return rendered.error();
      request.maskedImages = std::move(rendered.value());
    }
  }
  return client.decidePost(entry.subjectId, request, entry.key);
}

}  // namespace medpics::work
