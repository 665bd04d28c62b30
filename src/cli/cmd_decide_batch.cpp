// `medpics decide-batch`: a scripted moderation session through the durable outbox (resilience tests, benchmarks).
#include "command.hpp"
#include "option_list.hpp"

#include "medpics/api/platform_client.hpp"
#include "medpics/mask/publish.hpp"
#include "medpics/work/decision_payload.hpp"
#include "medpics/work/outbox.hpp"
#include "medpics/work/outbox_sender.hpp"

#include <chrono>
#include <cstdio>
#include <set>
#include <thread>

namespace {
using namespace medpics;

constexpr const char* kUsage =
    "decide-batch --server URL --user U --password P --journal FILE --count N [--approve-every K] "
    "[--timeout S] [--backoff S]   decide N pending posts through the outbox";

// Foreground calls of the script (list, claim, download) retried like the sender does, so faults only slow it.
template <class Call>
auto retried(Call call) {
  auto result = call();
  for (int attempt = 1; attempt < 12 && !result && result.error().retryable(); ++attempt) {
    std::this_thread::sleep_for(std::chrono::milliseconds(std::min(50 << attempt, 2000)));
    result = call();
  }
  return result;
}

// An approval masks a band at the top of every image with a mosaic (seeded), like a moderator's manual region.
std::optional<work::DecisionDraft> approval(api::PlatformClient& client, const std::string& postId,
                                            const api::Lease& lease, work::MaskedImages& masked) {
  auto detail = retried([&] { return client.post(postId); });
  if (!detail) return std::nullopt;
  work::DecisionDraft draft;
  draft.subjectId = postId;
  draft.action = work::DecisionAction::Approve;
  draft.leaseId = lease.leaseId;
  work::ResidualRecord residual;
  residual.overrideReason = "scripted session";
  draft.residual = residual;
  for (const auto& ref : detail->images) {
    auto original = retried([&] { return client.download(ref.url); });
    if (!original) return std::nullopt;
    mask::Region region;
    region.box = {0, 0, std::max(1, ref.width / 2), std::max(1, ref.height / 8)};
    region.style = mask::Style::Mosaic;
    mask::PostImage image{ref.id,          original->data, {},
                          ref.contentType, {region},       1000u + static_cast<unsigned>(ref.id.size())};
    mask::PublishOptions options;
    options.keepPixels = false;
    const auto published = mask::publishImage(image, options);
    if (!published.ok()) return std::nullopt;
    masked[ref.id] = {published.encoded.contentType, published.encoded.bytes};
    draft.images.push_back({ref.id, image.seed, {region}});
  }
  return draft;
}

int decideBatch(const cli::Args& args) {
  cli::OptionList options(args);
  const auto server = options.option("--server"), user = options.option("--user"),
             password = options.option("--password"), journal = options.option("--journal"),
             count = options.option("--count");
  const int approveEvery = std::stoi(options.option("--approve-every").value_or("4"));
  const double timeout = std::stod(options.option("--timeout").value_or("300"));
  work::SenderOptions senderOptions;
  senderOptions.initialDelaySeconds = std::stod(options.option("--backoff").value_or("0.5"));
  if (!server || !user || !password || !journal || !count || !options.positional().empty()) {
    std::fprintf(stderr, "usage: medpics %s\n", kUsage);
    return 2;
  }
  const auto started = std::chrono::steady_clock::now();
  auto outbox = std::make_shared<work::Outbox>(*journal);
  api::PlatformClient client(*server);
  auto session = retried([&] { return client.login(*user, *password); });
  if (!session) {
    std::fprintf(stderr, "decide-batch: login failed: %s\n", session.error().describe().c_str());
    return 1;
  }
  work::OutboxSender sender(outbox, senderOptions);
  sender.setCredentials(*server, session->token);
  sender.start();  // resumes what an earlier run journalled but did not get acknowledged

  const int target = std::stoi(*count);
  std::set<std::string> journalled;
  for (const auto& e : outbox->recent(1 << 20)) journalled.insert(e.subjectId);
  int decided = static_cast<int>(journalled.size());
  while (decided < target) {
    auto page = retried([&] { return client.listPosts("pending", 100); });
    if (!page) continue;
    int fresh = 0;
    for (const auto& p : page->items) {
      if (decided >= target) break;
      if (journalled.count(p.id) || (p.lease && p.lease->holder != *user)) continue;
      ++fresh;
      auto lease = retried([&] { return client.claim("posts", p.id); });
      if (!lease) continue;
      work::MaskedImages masked;
      std::optional<work::DecisionDraft> draft;
      if (approveEvery > 0 && decided % approveEvery == 0) {
        draft = approval(client, p.id, lease.value(), masked);
      } else {
        draft.emplace();
        draft->subjectId = p.id;
        draft->action = work::DecisionAction::Reject;
        draft->leaseId = lease->leaseId;
        draft->reasonCode = "poor_quality";
        draft->message = "La qualité de l'image ne permet pas sa publication.";
      }
      if (!draft) continue;
      const work::OutboxEntry entry = work::journalEntry(std::move(*draft));
      sender.hold(entry.key, {entry.draft, std::move(masked)});
      outbox->add(entry);  // durable before it is sent
      sender.wake();
      journalled.insert(p.id);
      ++decided;
      std::printf("journalled %d %s %s\n", decided, entry.action.c_str(), p.id.c_str());
      std::fflush(stdout);
    }
    if (fresh == 0 && decided < target) {
      std::fprintf(stderr, "decide-batch: only %d pending posts could be decided\n", decided);
      break;
    }
  }
  const double deadline = timeout;
  while (outbox->counts().pending > 0 &&
         std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  sender.stop(std::chrono::milliseconds(2000));
  const auto c = outbox->counts();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::printf("sent %d pending %d failed %d in %.1f s (%.0f decisions/min)\n", c.sent, c.pending, c.failed, seconds,
              seconds > 0 ? 60.0 * c.sent / seconds : 0.0);
  return c.pending == 0 && c.failed == 0 && decided >= target ? 0 : 1;
}

const cli::CommandRegistrar kDecideBatch({"decide-batch", kUsage, decideBatch});

}  // namespace
