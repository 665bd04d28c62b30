// The sandbox platform server: httplib server + store + routes + fault injection, bound to a host/port.
#pragma once
#include "context.hpp"
#include "faults.hpp"

#include <memory>

namespace medpics::platform {

class PlatformServer {
 public:
  explicit PlatformServer(ServerOptions options);
  ~PlatformServer();
  // Opens the data directory, seeds it on first start, binds; returns the bound port.
  int bind();
  // Serves until stop() (blocking).
  bool listen();
  void stop();
  bool running() const;

 private:
  ServerOptions options_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<Context> ctx_;
  FaultInjector faults_;
  std::unique_ptr<httplib::Server> http_;  // an SSLServer with --tls-cert/--tls-key
};

}  // namespace medpics::platform
