// Background sender of the outbox: sends due decisions with their idempotency keys, retries with exponential
// backoff and jitter, re-claims a lease that expired meanwhile, and records every outcome in the journal.
#pragma once
#include "medpics/api/platform_client.hpp"
#include "medpics/work/decision_payload.hpp"
#include "medpics/work/outbox.hpp"

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <thread>

namespace medpics::work {

struct SenderOptions {
  double initialDelaySeconds = 0.5;  // first retry after 0.25–0.5 s, then doubling (jitter: 50–100 % of the step)
  double maxDelaySeconds = 30.0;
  long requestTimeoutMs = 15000;
};

// Delay before attempt `attempts + 1` (attempts already made), with jitter from `unitRandom` in [0, 1).
double backoffDelay(const SenderOptions& options, int attempts, double unitRandom);

// What one send of an entry led to (also written to the journal by processEntry).
enum class SendOutcome { Sent, Retry, Reclaimed, Failed };

// Sends `entry` once with `client` and records the outcome in `outbox`; `held` as for sendEntry. On 409
// lease_lost the item is claimed again and the entry continues under a new key with the new lease (the old key's
// answer was final and nothing was applied); on 409 already_decided or another non-retryable error it fails.
SendOutcome processEntry(api::PlatformClient& client, Outbox& outbox, const OutboxEntry& entry,
                         const HeldDecision* held, const SenderOptions& options);

class OutboxSender {
 public:
  explicit OutboxSender(std::shared_ptr<Outbox> outbox, SenderOptions options = {});
  ~OutboxSender();  // stop(2 s)
  OutboxSender(const OutboxSender&) = delete;
  OutboxSender& operator=(const OutboxSender&) = delete;

  // Where and as whom to send; an empty token pauses sending (e.g. before login after a restart).
  void setCredentials(std::string url, std::string token);
  // Keeps what a decision needs beyond its journal form (full draft with its patient text, an approval's masked
  // upload) in memory until its entry is sent or failed: never on disk.
  void hold(const std::string& key, HeldDecision decision);
  // Called on the sender thread after each attempt with the entry's new state; set before start().
  void setOnChange(std::function<void(const OutboxEntry&)> onChange);
  // Called on the sender thread when the journal fails (a SQLite error: disk full, locked, read-only...); the
  // sender keeps running and tries again later (an entry already applied by the server is answered again from its
  // idempotency key). Set before start().
  void setOnError(std::function<void(const std::string&)> onError);
  void start();
  void wake();  // a new entry was journalled, or the credentials changed
  // Stops the thread, waiting at most `timeout` for a request in flight; past that the thread is left to end on
  // its own (it owns what it uses). An unacknowledged decision stays pending and is sent again with its key.
  void stop(std::chrono::milliseconds timeout);
  std::size_t heldInMemory() const;  // decisions whose full form is held in memory

 private:
  struct Shared;
  static void run(std::shared_ptr<Shared> shared);
  std::shared_ptr<Shared> shared_;
  std::thread thread_;
};

}  // namespace medpics::work
