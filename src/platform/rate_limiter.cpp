// RateLimiter: keeps the failure times of the last window per key.
#include "rate_limiter.hpp"

namespace medpics::platform {

void RateLimiter::prune(std::deque<int64_t>& q, int64_t now) const {
  while (!q.empty() && q.front() <= now - window_) q.pop_front();
}

int64_t RateLimiter::retryAfter(const std::string& key, int64_t now) {
  std::lock_guard lock(mutex_);
  auto it = failures_.find(key);
  if (it == failures_.end()) return 0;
  prune(it->second, now);
  if (static_cast<int>(it->second.size()) < max_) return 0;
  return std::max<int64_t>(1, it->second.front() + window_ - now);
}

void RateLimiter::recordFailure(const std::string& key, int64_t now) {
  std::lock_guard lock(mutex_);
  auto& q = failures_[key];
  prune(q, now);
  q.push_back(now);
}

void RateLimiter::clear(const std::string& key) {
  std::lock_guard lock(mutex_);
  failures_.erase(key);
}

}  // namespace medpics::platform
