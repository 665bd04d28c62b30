// Decision payloads: journal entries of drafts, mask and caption re-rendering after a restart, sending one entry.
#include "medpics/work/decision_payload.hpp"

#include "medpics/mask/caption.hpp"
#include "medpics/mask/publish.hpp"
#include "medpics/work/decision_codec.hpp"

namespace medpics::work {

OutboxEntry journalEntry(DecisionDraft draft) {
  OutboxEntry e;
  e.key = api::newIdempotencyKey();
  e.subjectType = subjectName(draft.subject);
  e.subjectId = draft.subjectId;
  e.action = actionName(draft.action);
  e.draft = std::move(draft);
  return e;
}

namespace {
api::Result<MaskedImages> render(api::PlatformClient& client, const api::PostDetail& detail,
                                 const DecisionDraft& draft) {
  MaskedImages out;
  for (const auto& ref : detail.images) {
    auto original = client.download(ref.url);
    if (!original) return original.error();
    mask::PostImage image;
    image.id = ref.id;
    image.bytes = std::move(original.value().data);
    image.contentType = ref.contentType;
    for (const auto& d : draft.images)
      if (d.imageId == ref.id) {
        image.seed = d.maskSeed;
        image.regions = d.regions;
      }
    mask::PublishOptions options;
    options.keepPixels = false;
    const auto published = mask::publishImage(image, options);
    if (!published.ok()) return api::ApiError{0, "render_failed", ref.id + ": " + published.error};
    out[ref.id] = {published.encoded.contentType, published.encoded.bytes};
  }
  return out;
}
}  // namespace

api::Result<MaskedImages> renderMaskedImages(api::PlatformClient& client, const DecisionDraft& draft) {
  auto detail = client.post(draft.subjectId);
  if (!detail) return detail.error();
  return render(client, detail.value(), draft);
}

api::Result<api::Decision> sendEntry(api::PlatformClient& client, const OutboxEntry& entry, const HeldDecision* held) {
  DecisionDraft draft = held ? held->draft : entry.draft;
  draft.leaseId = entry.draft.leaseId;  // the journal's: a re-claim may have changed it
  draft.subjectId = entry.subjectId;
  MaskedImages masked;
  const bool approval = draft.isPost() && draft.action == DecisionAction::Approve;
  if (approval) {
    if (held && !held->masked.empty()) {
      masked = held->masked;
    } else {
      auto detail = client.post(draft.subjectId);
      if (!detail) return detail.error();
      auto rendered = render(client, detail.value(), draft);
      if (!rendered) return rendered.error();
      masked = std::move(rendered.value());
      if (!draft.captionSpans.empty() && !draft.caption)
        draft.caption = mask::maskCaption(detail->caption, draft.captionSpans).text;
    }
  }
  return client.sendDecision(subjectRoute(draft.subject), draft.subjectId, toJson(draft, Disclosure::Wire), approval,
                             masked, entry.key);
}

}  // namespace medpics::work
