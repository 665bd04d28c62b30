// Outbox sender thread: due entries oldest first, backoff with jitter, lease re-claim, bounded stop.
#include "medpics/work/outbox_sender.hpp"

#include "medpics/util/log.hpp"
#include "medpics/work/bounded.hpp"
#include "medpics/util/thread_priority.hpp"

#include <algorithm>
#include <cmath>
#include <condition_variable>
#include <map>
#include <mutex>
#include <random>

namespace medpics::work {

double backoffDelay(const SenderOptions& options, int attempts, double unitRandom) {
  const double step =
      std::min(options.maxDelaySeconds, options.initialDelaySeconds * std::pow(2.0, std::min(attempts, 30)));
  return step * (0.5 + 0.5 * std::clamp(unitRandom, 0.0, 1.0));
}

namespace {
double unitRandom() {
  thread_local std::mt19937 rng{std::random_device{}()};
  return std::uniform_real_distribution<double>(0.0, 1.0)(rng);
}

}  // namespace

SendOutcome processEntry(api::PlatformClient& client, Outbox& outbox, const OutboxEntry& entry,
                         const HeldDecision* held, const SenderOptions& options) {
  if (entry.draft.leaseId == kLeaseToClaim) {  // decided offline before its lease: claim it now, then send
    auto lease = client.claim(subjectRoute(entry.draft.subject), entry.subjectId);
    if (!lease) {
      if (lease.error().retryable() || lease.error().httpStatus == 401) {
        outbox.markRetry(entry.key, lease.error().describe(),
                         unixNow() + backoffDelay(options, entry.attempts, unitRandom()));
        return SendOutcome::Retry;
      }
      outbox.markFailed(entry.key, lease.error().describe());
      return SendOutcome::Failed;
    }
    const std::string newKey = api::newIdempotencyKey();
    outbox.rekey(entry.key, newKey, lease->leaseId);
    outbox.markRetry(newKey, "", unixNow());
    return SendOutcome::Reclaimed;
  }
  const auto result = sendEntry(client, entry, held);
  if (result) {
    outbox.markSent(entry.key, result->decisionId);
    return SendOutcome::Sent;
  }
  const api::ApiError& error = result.error();
  const auto retryLater = [&] {
    outbox.markRetry(entry.key, error.describe(), unixNow() + backoffDelay(options, entry.attempts, unitRandom()));
    return SendOutcome::Retry;
  };
  // 401: the session expired or was revoked; the entry waits for a new token.
  if (error.retryable() || error.httpStatus == 401) return retryLater();
  if (error.httpStatus == 409 && error.code == "lease_lost") {
    auto lease = client.claim(subjectRoute(entry.draft.subject), entry.subjectId);
    if (!lease) {
      if (lease.error().retryable()) return retryLater();
      outbox.markFailed(entry.key, lease.error().describe());
      return SendOutcome::Failed;
    }
    const std::string newKey = api::newIdempotencyKey();
    outbox.rekey(entry.key, newKey, lease->leaseId);
    outbox.markRetry(newKey, error.describe(), unixNow());
    return SendOutcome::Reclaimed;
  }
  outbox.markFailed(entry.key, error.describe());
  return SendOutcome::Failed;
}

struct OutboxSender::Shared {
  std::shared_ptr<Outbox> outbox;
  SenderOptions options;
  mutable std::mutex mutex;
  std::condition_variable wake;
  bool stopping = false, woken = false;
  std::string url, token;
  std::map<std::string, HeldDecision> held;  // by idempotency key
  std::mutex callbackMutex;                  // held while onChange runs, so stop() can detach it safely
  std::function<void(const OutboxEntry&)> onChange;
  std::function<void(const std::string&)> onError;
};

OutboxSender::OutboxSender(std::shared_ptr<Outbox> outbox, SenderOptions options)
    : shared_(std::make_shared<Shared>()) {
  shared_->outbox = std::move(outbox);
  shared_->options = options;
}

OutboxSender::~OutboxSender() { stop(std::chrono::milliseconds(2000)); }

void OutboxSender::setCredentials(std::string url, std::string token) {
  {
    std::lock_guard lock(shared_->mutex);
    shared_->url = std::move(url);
    shared_->token = std::move(token);
  }
  wake();
}

void OutboxSender::hold(const std::string& key, HeldDecision decision) {
  std::lock_guard lock(shared_->mutex);
  shared_->held[key] = std::move(decision);
}

std::size_t OutboxSender::heldInMemory() const {
  std::lock_guard lock(shared_->mutex);
  return shared_->held.size();
}

void OutboxSender::setOnChange(std::function<void(const OutboxEntry&)> onChange) {
  std::lock_guard lock(shared_->callbackMutex);
  shared_->onChange = std::move(onChange);
}

void OutboxSender::setOnError(std::function<void(const std::string&)> onError) {
  std::lock_guard lock(shared_->callbackMutex);
  shared_->onError = std::move(onError);
}

void OutboxSender::start() {
  if (thread_.joinable()) return;
  thread_ = std::thread(&OutboxSender::run, shared_);
}

void OutboxSender::wake() {
  {
    std::lock_guard lock(shared_->mutex);
    shared_->woken = true;
  }
  shared_->wake.notify_all();
}

void OutboxSender::stop(std::chrono::milliseconds timeout) {
  {
    std::lock_guard lock(shared_->callbackMutex);  // waits for a callback in progress; none runs after this
    shared_->onChange = nullptr;
    shared_->onError = nullptr;
  }
  {
    std::lock_guard lock(shared_->mutex);
    shared_->stopping = true;
  }
  shared_->wake.notify_all();
  if (!thread_.joinable()) return;
  // Joined on a helper so that the wait is bounded; past the timeout the sender thread keeps `shared_` alive itself.
  auto thread = std::make_shared<std::thread>(std::move(thread_));
  if (!runBounded([thread] { thread->join(); }, timeout))
    log::warn("outbox: a send was still in flight at exit; it stays pending in the journal");
}

void OutboxSender::run(std::shared_ptr<Shared> s) {
  // A decision waiting to be sent outranks work ahead of the user (its lease is running), not the UI thread.
  util::setCurrentThreadNiceness(util::kWorkerNiceness);
  std::unique_ptr<api::PlatformClient> client;
  std::string clientUrl, clientToken;
  bool journalError = false;  // the last pass hit a journal error: pause before the next
  // The sender thread's boundary: a journal (SQLite) error is reported and the loop goes on; the entry stays as the
  // journal has it and is tried again after a pause.
  const auto journalFailed = [&](const std::exception& e) {
    journalError = true;
    const std::string what = std::string("outbox journal: ") + e.what();
    log::error(what);
    std::lock_guard lock(s->callbackMutex);
    if (s->onError) s->onError(what);
  };
  while (true) {
    std::string url, token;
    {
      std::lock_guard lock(s->mutex);
      if (s->stopping) return;
      s->woken = false;
      url = s->url;
      token = s->token;
    }
    if (!token.empty()) {
      if (!client || url != clientUrl || token != clientToken) {
        client = std::make_unique<api::PlatformClient>(url, token);
        client->setTimeoutMs(s->options.requestTimeoutMs);
        clientUrl = url;
        clientToken = token;
      }
      journalError = false;
      std::vector<OutboxEntry> due;
      try {
        due = s->outbox->due(unixNow());
      } catch (const std::exception& e) {
        journalFailed(e);
      }
      for (const auto& entry : due) {
        std::optional<HeldDecision> held;
        {
          std::lock_guard lock(s->mutex);
          if (s->stopping) return;
          if (auto it = s->held.find(entry.key); it != s->held.end()) held = it->second;
        }
        SendOutcome outcome = SendOutcome::Retry;
        std::optional<OutboxEntry> now;  // the entry as the journal has it now (a re-claim continues under a new key)
        try {
          outcome = processEntry(*client, *s->outbox, entry, held ? &*held : nullptr, s->options);
          now = s->outbox->byRow(entry.id);
        } catch (const std::exception& e) {
          journalFailed(e);
          break;  // what is held in memory stays for the next attempt
        }
        {
          std::lock_guard lock(s->mutex);
          auto it = s->held.find(entry.key);
          if (it != s->held.end() && outcome == SendOutcome::Reclaimed && now)
            s->held[now->key] = std::move(it->second);
          if (it != s->held.end() && outcome != SendOutcome::Retry) s->held.erase(it);
        }
        if (now) {
          std::lock_guard lock(s->callbackMutex);
          if (s->onChange) s->onChange(*now);
        }
      }
    }
    std::unique_lock lock(s->mutex);
    if (s->stopping) return;
    double waitSeconds = 5.0;
    if (!s->token.empty()) {
      lock.unlock();
      std::optional<double> next;
      try {
        next = s->outbox->nextDueAt();
      } catch (const std::exception& e) {
        journalFailed(e);  // reported like any journal error; the loop waits its pause and tries again
      }
      lock.lock();
      if (next) waitSeconds = std::clamp(*next - unixNow(), 0.0, 5.0);
      if (journalError) waitSeconds = std::max(waitSeconds, 1.0);
    }
    if (waitSeconds > 0)
      s->wake.wait_for(lock, std::chrono::duration<double>(waitSeconds), [&] { return s->stopping || s->woken; });
  }
}

}  // namespace medpics::work
