// Connection handling of the sandbox server: absolute per-request deadlines that a trickle of bytes does not
// extend, bounded keep-alive, lingering close after a refusal, and a worker pool that grows on demand.
#pragma once
#include <httplib.h>

#include <chrono>
#include <cstddef>

namespace medpics::platform {

struct ConnectionLimits {
  int headerSeconds = 10;         // request line + headers must arrive within this, however slowly bytes trickle
  int keepAliveSeconds = 2;       // an idle connection (no byte of a next request) is closed after this
  size_t keepAliveMax = 20;       // requests per connection
  int bodySeconds = 30;           // body read + handler + answer: this plus length / bodyMinRate
  size_t bodyMinRate = 1u << 20;  // bytes per second a client must at least sustain while sending a body
  int writeSeconds = 30;          // one write without progress
  size_t maxWorkers = 512;        // worker threads, created on demand
};

// What the routing layer may do with the connection of the request being processed (on its worker thread).
class ConnectionControl {
 public:
  virtual ~ConnectionControl() = default;
  // The headers are accepted: the body of `length` bytes gets its own deadline (base + length / min rate).
  virtual void allowBody(size_t length) = 0;
  // Answer, then close: the unread body is drained (not stored) for a short while so the client reads the answer.
  virtual void closeAfterAnswer() = 0;
  // The request is answered before its body was read (e.g. an injected 503): after the answer, its `length`
  // bytes are read and discarded under the body deadline, and the connection serves its next request.
  virtual void discardBodyAfterAnswer(size_t length) = 0;
};
// The connection being processed on this thread, or nullptr outside a guarded server's worker.
ConnectionControl* currentConnection();

// A TaskQueue whose threads are started when no idle one is left, up to `maxThreads` (then jobs wait).
std::unique_ptr<httplib::TaskQueue> makeElasticPool(size_t maxThreads);

// httplib::Server / SSLServer with the connection loop above in place of httplib's own (whose read timeout
// restarts at every byte and whose pool has 8 fixed threads in 0.11).
class GuardedServer : public httplib::Server {
 public:
  explicit GuardedServer(ConnectionLimits limits);
  // httplib 0.11 listens with a backlog of 5: a burst of connections then loses SYNs, and a client waits
  // for its 1 s retransmission. Call after binding.
  bool widenListenBacklog(int backlog);

 private:
  bool process_and_close_socket(socket_t sock) override;
  ConnectionLimits limits_;
};

class GuardedSslServer : public httplib::SSLServer {
 public:
  GuardedSslServer(ConnectionLimits limits, const char* certPath, const char* keyPath);
  bool widenListenBacklog(int backlog);

 private:
  bool process_and_close_socket(socket_t sock) override;
  ConnectionLimits limits_;
};

}  // namespace medpics::platform
