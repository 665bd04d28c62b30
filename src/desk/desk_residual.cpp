// Background residual check: what A, A would publish is burnt in, encoded and checked as soon as the regions stop
// changing; the result is kept with the hash of what it checked, so the second A publishes at once.
#include "desk.hpp"

#include "medpics/mask/publish.hpp"
#include "medpics/mask/residual.hpp"
#include "medpics/util/sha256.hpp"

namespace medpics::desk {

namespace {
bool readyToPublish(const OpenPost& post) {
  if (post.images.empty() || post.state.final()) return false;
  for (const auto& img : post.images)
    if (img.status != LoadedImage::Status::Ready || img.analysis == LoadedImage::Analysis::Pending) return false;
  return true;
}

// Changes whenever anything that is published may have changed (every edit bumps a document's revision).
std::string stampOf(const OpenPost& post) {
  std::string stamp;
  for (const auto& img : post.images)
    stamp += std::to_string(img.regions.revision()) + "/" + std::to_string(int(img.status)) + "/" +
             std::to_string(int(img.analysis)) + ";";
  for (const char masked : post.captionSpanMasked) stamp += masked ? '1' : '0';
  return stamp;
}

// What the published bytes depend on: the images, their regions (geometry, style, state), the noise seeds.
std::string keyOf(const OpenPost& post) {
  std::string text = post.detail.id;
  for (const auto& img : post.images) {
    text += "\n" + img.ref.id + " " + std::to_string(img.maskSeed);
    for (const auto& item : img.regions.items()) text += "\n" + mask::toJson(item.region).dump();
  }
  return sha256Hex(text);
}

struct CheckOutcome {
  std::string key;
  mask::ResidualCheck residual;
  work::MaskedImages masked;
  std::string error;
};
}  // namespace

void Desk::updatePublicationCheck() {
  if (!post || !readyToPublish(*post)) return;
  PublicationCheck& check = post->check;
  const std::string stamp = stampOf(*post);
  if (stamp != check.stamp) {
    check.stamp = stamp;
    const std::string key = keyOf(*post);
    if (key != check.key) check.keyChangedAt = now_;
    check.key = key;
  }
  const bool still = now_ - check.keyChangedAt >= kPublicationCheckDelay;
  if (check.runningKey.empty() && check.readyKey != check.key && (still || check.approveWhenReady))
    startPublicationCheck();
}

void Desk::startPublicationCheck() {
  if (!post || !readyToPublish(*post)) return;
  PublicationCheck& check = post->check;
  std::vector<mask::PostImage> images;
  for (const auto& img : post->images) {
    mask::PostImage item;
    item.id = img.ref.id;
    item.pixels = *img.pixels;  // shared, never modified: the burn-in works on a copy
    item.contentType = img.ref.contentType;
    item.seed = img.maskSeed;
    for (const auto& i : img.regions.items()) item.regions.push_back(i.region);
    images.push_back(std::move(item));
  }
  check.runningKey = check.key;
  ++check.runs;
  const std::string key = check.key;
  auto pipeline = pipeline_;
  backend_.compute<CheckOutcome>(
      {"publication check", TaskScope::Item},
      [images, key, pipeline](Task&) -> CheckOutcome {
        CheckOutcome outcome;
        outcome.key = key;
        // The published variant: regions burnt in at full resolution, re-encoded from pixels (no metadata).
        const auto published = mask::publishPost(images);
        for (const auto& p : published)
          if (!p.ok()) return outcome.error = p.id + ": " + p.error, outcome;
        // Residual check: the detectors run again on the exact bytes that would be published.
        outcome.residual = mask::residualCheckPost(*pipeline, images, published);
        for (const auto& p : published) outcome.masked[p.id] = {p.encoded.contentType, p.encoded.bytes};
        return outcome;
      },
      [this, key](api::Result<CheckOutcome>& result) {
        if (!post) return;
        PublicationCheck& done = post->check;
        done.runningKey.clear();
        if (!result) {  // the job threw: reported like a failed publication of these regions
          done.readyKey = key;
          done.error = result.error().message;
          if (done.approveWhenReady) finishApproval();
          return;
        }
        CheckOutcome& outcome = result.value();
        done.readyKey = outcome.key;
        done.residual = std::move(outcome.residual);
        done.masked = std::move(outcome.masked);
        done.error = std::move(outcome.error);
        if (!done.approveWhenReady) return updatePublicationCheck();  // regions changed meanwhile: check again
        updatePublicationCheck();  // refreshes the key; starts the check of the current regions when stale
        if (done.readyKey == done.key) finishApproval();
      });
}

}  // namespace medpics::desk
