// Sandbox fault injection (never on /health): latency, 503 before doing anything, dropped answers after applying.
#pragma once
#include "server_options.hpp"

#include <httplib.h>

#include <functional>
#include <mutex>
#include <random>

namespace medpics::platform {

class FaultInjector {
 public:
  explicit FaultInjector(const ServerOptions& options);
  // Installs the pre-routing (latency, fail) and post-routing (drop) hooks; `before` runs first in the
  // pre-routing hook and answers the request when it returns true.
  void install(httplib::Server& server, std::function<bool(const httplib::Request&, httplib::Response&)> before = {});

 private:
  bool roll(double p);
  const ServerOptions& options_;
  std::mutex mutex_;
  std::mt19937_64 rng_{std::random_device{}()};
};

}  // namespace medpics::platform
