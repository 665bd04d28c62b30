// FaultInjector: a drop sends the status line and headers with a Content-Length larger than what follows,
// then closes the connection (httplib content provider returning false): libcurl reports a partial transfer.
#include "faults.hpp"

#include "connection_guard.hpp"
#include "http_util.hpp"

#include <chrono>
#include <thread>

namespace medpics::platform {

FaultInjector::FaultInjector(const ServerOptions& options) : options_(options) {}

bool FaultInjector::roll(double p) {
  if (p <= 0) return false;
  if (p >= 1) return true;
  std::lock_guard lock(mutex_);
  return std::uniform_real_distribution<double>(0, 1)(rng_) < p;
}

static bool exempt(const httplib::Request& req) { return req.path == "/api/v1/health"; }

void FaultInjector::install(httplib::Server& server,
                            std::function<bool(const httplib::Request&, httplib::Response&)> before) {
  server.set_pre_routing_handler([this, before](const httplib::Request& req, httplib::Response& res) {
    if (before && before(req, res)) return httplib::Server::HandlerResponse::Handled;
    if (exempt(req)) return httplib::Server::HandlerResponse::Unhandled;
    if (options_.latencyMs > 0) std::this_thread::sleep_for(std::chrono::milliseconds(options_.latencyMs));
    if (roll(options_.failRate)) {
      sendError(res, 503, "unavailable", "the sandbox refused this request (fault injection)");
      res.set_header("Retry-After", "1");
      res.set_header("X-Fault-Injected", "fail");
      // Answered before the body was read: the connection drops it before reading the next request.
      if (auto* connection = currentConnection(); connection && req.has_header("Content-Length"))
        connection->discardBodyAfterAnswer(req.get_header_value<uint64_t>("Content-Length"));
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  server.set_post_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    if (exempt(req) || res.has_header("X-Fault-Injected") || !roll(options_.dropRate)) return;
    const std::string full = res.body;
    const size_t announced = full.size() + 1024;
    res.body.clear();
    if (res.status == 204 || res.status == 304) res.status = 200;  // bodiless answers could not be cut short
    res.headers.erase("Content-Length");
    res.set_header("Content-Length", std::to_string(announced));
    const std::string type = res.has_header("Content-Type") ? res.get_header_value("Content-Type") : "application/json";
    res.set_content_provider(announced, type.c_str(), [full](size_t, size_t, httplib::DataSink& sink) {
      sink.write(full.data(), full.size() / 2);
      return false;  // abort: httplib closes the connection
    });
  });
}

}  // namespace medpics::platform
