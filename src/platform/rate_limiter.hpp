// Sliding-window counter of failed logins per key (username or address), in memory.
#pragma once
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <string>

namespace medpics::platform {

class RateLimiter {
 public:
  RateLimiter(int maxFailures, int windowSeconds) : max_(maxFailures), window_(windowSeconds) {}
  // Seconds until `key` may try again (0: allowed now).
  int64_t retryAfter(const std::string& key, int64_t now);
  void recordFailure(const std::string& key, int64_t now);
  void clear(const std::string& key);

 private:
  void prune(std::deque<int64_t>& q, int64_t now) const;
  int max_, window_;
  std::mutex mutex_;
  std::map<std::string, std::deque<int64_t>> failures_;
};

}  // namespace medpics::platform
