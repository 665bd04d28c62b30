// PlatformServer: wires routes, the error handler (JSON bodies for httplib's own errors) and limits.
#include "server.hpp"

#include "body_limits.hpp"
#include "connection_guard.hpp"
#include "demo_seed.hpp"
#include "test_clock.hpp"

#include <stdexcept>

namespace medpics::platform {

namespace {
std::unique_ptr<httplib::Server> makeHttpServer(const ServerOptions& options) {
  ConnectionLimits limits;
  limits.headerSeconds = options.headerTimeoutSeconds;
  if (options.tlsCert.empty()) return std::make_unique<GuardedServer>(limits);
  auto tls = std::make_unique<GuardedSslServer>(limits, options.tlsCert.c_str(), options.tlsKey.c_str());
  if (!tls->is_valid())
    throw std::runtime_error("cannot load the TLS certificate " + options.tlsCert + " / key " + options.tlsKey);
  return tls;
}
}  // namespace

PlatformServer::PlatformServer(ServerOptions options)
    : options_(std::move(options)), faults_(options_), http_(makeHttpServer(options_)) {}

PlatformServer::~PlatformServer() { stop(); }

int PlatformServer::bind() {
  store_ = std::make_unique<Store>(options_.dataDir);
  seedIfNew(*store_, options_);
  ctx_.reset(new Context{*store_, options_});

  // Deadlines, keep-alive and workers: ConnectionLimits (connection_guard.hpp). Body limits per route are
  // checked on the declared length before the body is read; this is only httplib's own last bound.
  http_->set_payload_max_length(kMaxDecisionBody);
  faults_.install(*http_, [this](const httplib::Request& req, httplib::Response& res) {
    return refuseBodyBeforeReading(*ctx_, req, res);
  });
  http_->set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty() || res.status < 400) return httplib::Server::HandlerResponse::Unhandled;
    const std::string code = defaultErrorCode(res.status);
    sendError(res, res.status, code, res.status == 404 ? "no such route" : "request refused (" + code + ")");
    return httplib::Server::HandlerResponse::Handled;
  }));
  registerAuthRoutes(*http_, *ctx_);
  registerLeaseRoutes(*http_, *ctx_);
  registerPostRoutes(*http_, *ctx_);
  registerRegistrationRoutes(*http_, *ctx_);
  registerMediaRoutes(*http_, *ctx_);
  registerDecisionRoutes(*http_, *ctx_);
  registerStatsRoutes(*http_, *ctx_);
  if (options_.testClock) registerTestClockRoute(*http_, *ctx_);

  int port = options_.port;
  if (port == 0) {
    port = http_->bind_to_any_port(options_.host);
    if (port <= 0) throw std::runtime_error("cannot bind " + options_.host);
  } else if (!http_->bind_to_port(options_.host, port)) {
    throw std::runtime_error("cannot bind " + options_.host + ":" + std::to_string(port));
  }
  constexpr int kBacklog = 1024;
  if (auto* plain = dynamic_cast<GuardedServer*>(http_.get())) plain->widenListenBacklog(kBacklog);
  if (auto* tls = dynamic_cast<GuardedSslServer*>(http_.get())) tls->widenListenBacklog(kBacklog);
  return port;
}

bool PlatformServer::listen() { return http_->listen_after_bind(); }
void PlatformServer::stop() {
  if (http_ && http_->is_running()) http_->stop();
}
bool PlatformServer::running() const { return http_->is_running(); }

}  // namespace medpics::platform
