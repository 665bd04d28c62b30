// Desk ↔ background pipeline: the per-user decision outbox (journal + sender) and the prefetch of the next posts.
#include "desk.hpp"

#include "i18n.hpp"
#include "image_loading.hpp"

#include "medpics/detect/classify.hpp"
#include "medpics/util/log.hpp"
#include "medpics/work/decision_codec.hpp"

#include <thread>

namespace medpics::desk {
using api::Result;

// ---------------------------------------------------------------- outbox
void Desk::openOutbox() {
  closeOutbox(std::chrono::milliseconds(250));
  const std::filesystem::path dir = options_.dataDir.empty() ? options_.settingsPath.parent_path() : options_.dataDir;
  try {
    outbox_ = std::make_shared<work::Outbox>(dir / ("outbox-" + session->user.username + ".db"));
  } catch (const std::exception& e) {
    outbox_.reset();  // decisions stay disabled: none is sent without being journalled first
    return notify(true, tr("outbox.unavailable"), e.what());
  }
  outbox_->pruneSent(work::unixNow() - 7 * 24 * 3600.0);
  sender_ = std::make_unique<work::OutboxSender>(outbox_);
  sender_->setOnChange(
      [this](const work::OutboxEntry& entry) { backend_.tasks().report([this, entry] { onOutboxChange(entry); }); });
  sender_->setOnError([this](const std::string& error) {
    backend_.tasks().report([this, error] { notify(true, tr("outbox.journal_error"), error); });
  });
  sender_->setCredentials(loginUrl, session->token);
  sender_->start();
  refreshOutbox();
  if (outboxCounts.pending > 0)
    notify(false, std::string(tr("outbox.resuming")) + " (" + std::to_string(outboxCounts.pending) + ")");
}

void Desk::closeOutbox(std::chrono::milliseconds wait) {
  if (sender_) sender_->stop(wait);
  sender_.reset();
  outbox_.reset();
  outboxEntries.clear();
  outboxCounts = {};
}

bool Desk::journal(work::DecisionDraft draft, work::MaskedImages masked) {
  if (!outbox_ || !sender_) return false;
  work::OutboxEntry entry = work::journalEntry(std::move(draft));
  // The full draft (masked caption, evidence) and the masked upload stay in memory; the journal gets ids and geometry.
  sender_->hold(entry.key, {entry.draft, std::move(masked)});
  try {
    outbox_->add(entry);  // durable (WAL, synchronous=FULL) before anything is sent
  } catch (const std::exception& e) {
    notify(true, tr("outbox.unavailable"), e.what());
    return false;
  }
  sender_->wake();
  refreshOutbox();
  return true;
}

void Desk::refreshOutbox() {
  if (!outbox_) return;
  try {
    outboxEntries = outbox_->recent(12);
    outboxCounts = outbox_->counts();
  } catch (const std::exception& e) {  // the journal cannot be read: the moderator is told (decisions stay in it)
    notify(true, tr("outbox.journal_error"), e.what());
  }
}

void Desk::onOutboxChange(const work::OutboxEntry& entry) {
  refreshOutbox();
  if (entry.state == work::OutboxState::Pending && !entry.lastError.empty()) probeConnection(true);  // down?
  if (entry.state == work::OutboxState::Sent) {
    ++decisionsSent;
    api::Decision d;
    d.decisionId = entry.decisionId;
    d.subjectType = entry.subjectType;
    d.subjectId = entry.subjectId;
    d.action = entry.action;
    d.reasonCode = entry.draft.reasonCode;
    d.message = entry.draft.message;
    d.decidedBy = session ? session->user.username : "";
    d.raw = work::toJson(entry.draft, work::Disclosure::Journal);
    recentDecisions.push_back(d);
    notify(false,
           std::string(tr("status.decided")) + " (" + entry.subjectId + ", " + tr("action." + entry.action) + ")");
  } else if (entry.state == work::OutboxState::Failed) {
    notify(true, std::string(tr("outbox.failed")) + " " + entry.subjectId, entry.lastError);
    refreshQueue();  // the item may be back in the queue (e.g. its lease was taken)
  }
}

// ---------------------------------------------------------------- prefetch
// The posts openNext() would open after the current one, in order: not open, not leased by someone else.
void Desk::updatePrefetch() {
  if (!prefetcher_) return;
  std::vector<std::string> upcoming;
  if (session && tab == Tab::Posts) {
    const std::string self = session->user.username, current = post ? post->detail.id : "";
    for (const auto& p : posts)
      if (p.id != current && (!p.lease || p.lease->holder == self)) upcoming.push_back(p.id);
  }
  prefetcher_->setUpcoming(std::move(upcoming));
  refreshPrefetchProgress();
}

void Desk::refreshPrefetchProgress() {
  prefetchReportPending_ = false;  // reports after this read post again
  prefetchProgress = prefetcher_->progress();
  prefetchMemory = prefetcher_->memoryUsed();
}

// Opens a post from the prefetch cache in this frame; its lease is claimed in the background (decisions wait).
bool Desk::openPrefetched(const std::string& id) {
  auto ready = prefetcher_ ? prefetcher_->take(id) : nullptr;
  if (!ready) return false;
  post.emplace();
  post->detail = ready->detail;
  post->state = ItemState(false);  // shown now, claimed in the background
  // the caption classifier runs on a worker (a long caption must not freeze the desk); approval waits for it
  backend_.compute<std::vector<detect::TextSpan>>(
      {"caption", TaskScope::Item}, [caption = ready->detail.caption](Task&) { return detect::findPhiSpans(caption); },
      [this](api::Result<std::vector<detect::TextSpan>>& spans) {
        if (!post) return;
        // If the classifier failed, the whole caption is one masked span: nothing unchecked is published.
        post->captionSpans =
            spans
                ? std::move(spans.value())
                : std::vector<detect::TextSpan>{{0, post->detail.caption.size(), "unchecked", 1.f, "classifier-error"}};
        post->captionSpanMasked.assign(post->captionSpans.size(), 1);
        syncItemState();
      });
  for (auto& image : ready->images) {
    LoadedImage& img = post->images.emplace_back(image.ref);
    img.bytes = image.bytes;
    auto tiles = std::static_pointer_cast<const std::vector<RgbaTile>>(image.display.data);
    img.show(image.bgr, tiles ? *tiles : makeTiles(*image.bgr, maxTextureSize()));
    if (image.analysis) applyAnalysis(img, *image.analysis);
  }
  openedFromPrefetch = true;
  for (std::size_t i = 0; i < ready->images.size(); ++i)
    if (ready->images[i].analysisState == work::PrefetchedImage::Analysis::NotStarted) analyse(id, i);
  syncItemState();
  claimOpenPost();
  updatePrefetch();
  return true;
}

std::vector<DisplaySource> Desk::nextPostDisplays() const {
  std::vector<DisplaySource> sources;
  if (prefetcher_ && !prefetchProgress.empty())
    for (const auto& image : prefetcher_->display(prefetchProgress.front().id))
      sources.push_back({image.bgr, std::static_pointer_cast<const std::vector<RgbaTile>>(image.display.data)});
  return sources;
}

void Desk::claimOpenPost() {
  const std::string id = post->detail.id;
  backend_.call<api::Lease>(
      {"claim", TaskScope::Item},
      [id](api::PlatformClient& c) {
        auto lease = c.claim("posts", id);
        for (int retry = 1; retry < 4 && !lease && lease.error().retryable(); ++retry) {
          std::this_thread::sleep_for(std::chrono::milliseconds(100 << retry));
          lease = c.claim("posts", id);
        }
        return lease;
      },
      [this](const Result<api::Lease>& r) {
        if (!post) return;
        if (!r && r.error().retryable()) {  // server unreachable: try again (tick)
          claimRetryAt_ = now_ + 2.0;
          return;
        }
        if (!r) {  // taken or decided meanwhile: on to the next one
          post->state.claimFailed();
          notify(true, tr("post.claim_failed"), r.error().describe());
          std::erase_if(posts, [&](const auto& p) { return p.id == post->detail.id; });
          return openNext();
        }
        post->lease = r.value();
        post->state.leaseClaimed();
        lastRenew_ = now_;
      });
}

}  // namespace medpics::desk
