// Connection loop of the sandbox server: a non-blocking socket read under an absolute deadline per request.
#include "connection_guard.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <openssl/ssl.h>

#include <cerrno>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace medpics::platform {

namespace {
using Clock = std::chrono::steady_clock;

// Waits for `events` on the socket until `until`; false on timeout, error or hang-up without data.
bool waitUntil(int sock, short events, Clock::time_point until) {
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now()).count();
    if (left <= 0) return false;
    pollfd p{sock, events, 0};
    const int r = ::poll(&p, 1, static_cast<int>(left));
    if (r > 0) return (p.revents & (events | POLLHUP | POLLERR)) != 0;
    if (r == 0) return false;
    if (errno != EINTR) return false;
  }
}

void addressOf(int sock, bool peer, std::string& ip, int& port) {
  sockaddr_storage addr{};
  socklen_t len = sizeof(addr);
  if ((peer ? ::getpeername(sock, reinterpret_cast<sockaddr*>(&addr), &len)
            : ::getsockname(sock, reinterpret_cast<sockaddr*>(&addr), &len)) != 0)
    return;
  char host[NI_MAXHOST] = {0}, serv[NI_MAXSERV] = {0};
  if (::getnameinfo(reinterpret_cast<sockaddr*>(&addr), len, host, sizeof(host), serv, sizeof(serv),
                    NI_NUMERICHOST | NI_NUMERICSERV) == 0) {
    ip = host;
    port = std::atoi(serv);
  }
}

// A plain or TLS stream whose reads fail once the current deadline has passed, however slowly bytes arrive.
class DeadlineStream final : public httplib::Stream, public ConnectionControl {
 public:
  DeadlineStream(int sock, SSL* ssl, const ConnectionLimits& limits) : sock_(sock), ssl_(ssl), limits_(limits) {}

  void setDeadline(Clock::time_point t) { deadline_ = t; }
  bool closeRequested() const { return closeRequested_; }
  void allowBody(size_t length) override {
    deadline_ = Clock::now() + std::chrono::seconds(limits_.bodySeconds) +
                std::chrono::seconds(length / std::max<size_t>(limits_.bodyMinRate, 1));
  }
  void closeAfterAnswer() override { closeRequested_ = true; }
  void discardBodyAfterAnswer(size_t length) override {
    allowBody(length);
    discard_ = length;
  }
  // Reads and drops the body of a request answered without it; false when the client does not send it in time.
  bool discardPendingBody() {
    char scratch[16384];
    while (discard_ > 0) {
      const ssize_t n = read(scratch, std::min(sizeof(scratch), discard_));
      if (n <= 0) return false;
      discard_ -= static_cast<size_t>(n);
    }
    return true;
  }

  bool is_readable() const override { return (ssl_ && SSL_pending(ssl_) > 0) || waitUntil(sock_, POLLIN, deadline_); }
  bool is_writable() const override {
    return waitUntil(sock_, POLLOUT, Clock::now() + std::chrono::seconds(limits_.writeSeconds));
  }
  ssize_t read(char* ptr, size_t size) override {
    for (;;) {
      if (ssl_) {
        const int n = SSL_read(ssl_, ptr, static_cast<int>(std::min<size_t>(size, 1u << 30)));
        if (n > 0) return n;
        const int e = SSL_get_error(ssl_, n);
        if (e == SSL_ERROR_WANT_READ && waitUntil(sock_, POLLIN, deadline_)) continue;
        if (e == SSL_ERROR_WANT_WRITE && waitUntil(sock_, POLLOUT, deadline_)) continue;
        return e == SSL_ERROR_ZERO_RETURN ? 0 : -1;
      }
      const ssize_t n = ::recv(sock_, ptr, size, 0);
      if (n >= 0) return n;
      if (errno == EINTR) continue;
      if ((errno == EAGAIN || errno == EWOULDBLOCK) && waitUntil(sock_, POLLIN, deadline_)) continue;
      return -1;
    }
  }
  ssize_t write(const char* ptr, size_t size) override {
    const auto until = Clock::now() + std::chrono::seconds(limits_.writeSeconds);
    for (;;) {
      if (ssl_) {
        const int n = SSL_write(ssl_, ptr, static_cast<int>(std::min<size_t>(size, 1u << 30)));
        if (n > 0) return n;
        const int e = SSL_get_error(ssl_, n);
        if (e == SSL_ERROR_WANT_WRITE && waitUntil(sock_, POLLOUT, until)) continue;
        if (e == SSL_ERROR_WANT_READ && waitUntil(sock_, POLLIN, until)) continue;
        return -1;
      }
      const ssize_t n = ::send(sock_, ptr, size, MSG_NOSIGNAL);
      if (n >= 0) return n;
      if (errno == EINTR) continue;
      if ((errno == EAGAIN || errno == EWOULDBLOCK) && waitUntil(sock_, POLLOUT, until)) continue;
      return -1;
    }
  }
  void get_remote_ip_and_port(std::string& ip, int& port) const override { addressOf(sock_, true, ip, port); }
  void get_local_ip_and_port(std::string& ip, int& port) const override { addressOf(sock_, false, ip, port); }
  socket_t socket() const override { return sock_; }

 private:
  int sock_;
  SSL* ssl_;
  const ConnectionLimits& limits_;
  Clock::time_point deadline_ = Clock::now();
  bool closeRequested_ = false;
  size_t discard_ = 0;
};

thread_local ConnectionControl* tlsCurrent = nullptr;

struct CurrentScope {
  explicit CurrentScope(ConnectionControl* c) { tlsCurrent = c; }
  ~CurrentScope() { tlsCurrent = nullptr; }
};

// After refusing a request whose body was not read: stop sending, then discard what the client still sends
// for a short while (stored nowhere), so that it reads the answer instead of a connection reset.
void lingeringDrain(int sock) {
  ::shutdown(sock, SHUT_WR);
  const auto until = Clock::now() + std::chrono::seconds(2);
  char scratch[16384];
  size_t drained = 0;
  while (drained < (256u << 20) && waitUntil(sock, POLLIN, until)) {
    const ssize_t n = ::recv(sock, scratch, sizeof(scratch), 0);
    if (n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN)) break;
    if (n > 0) drained += static_cast<size_t>(n);
  }
}

using SetupRequest = std::function<void(httplib::Request&)>;
using ProcessRequest =
    std::function<bool(httplib::Stream&, bool closeConnection, bool& connectionClosed, const SetupRequest&)>;

bool serveConnection(int sock, SSL_CTX* ctx, const ConnectionLimits& limits, const ProcessRequest& process) {
  const int flags = ::fcntl(sock, F_GETFL, 0);
  ::fcntl(sock, F_SETFL, flags | O_NONBLOCK);
  const auto headerDeadline = [&] { return Clock::now() + std::chrono::seconds(limits.headerSeconds); };

  SSL* ssl = nullptr;
  bool ok = true;
  if (ctx) {
    ssl = SSL_new(ctx);
    ok = ssl && SSL_set_fd(ssl, sock) == 1;
    const auto until = headerDeadline();
    while (ok) {
      const int r = SSL_accept(ssl);
      if (r == 1) break;
      const int e = SSL_get_error(ssl, r);
      ok = (e == SSL_ERROR_WANT_READ && waitUntil(sock, POLLIN, until)) ||
           (e == SSL_ERROR_WANT_WRITE && waitUntil(sock, POLLOUT, until));
    }
  }
  DeadlineStream strm(sock, ssl, limits);
  if (ok) {
    CurrentScope scope(&strm);
    for (size_t count = limits.keepAliveMax; count > 0; --count) {
      const bool pending = ssl && SSL_pending(ssl) > 0;
      if (!pending && !waitUntil(sock, POLLIN, Clock::now() + std::chrono::seconds(limits.keepAliveSeconds))) break;
      strm.setDeadline(headerDeadline());
      bool closed = false;
      ok = process(strm, count == 1, closed, [ssl](httplib::Request& req) { req.ssl = ssl; });
      if (!ok || closed || strm.closeRequested() || !strm.discardPendingBody()) break;
    }
  }
  if (strm.closeRequested()) lingeringDrain(sock);
  if (ssl) {
    if (ok) SSL_shutdown(ssl);
    SSL_free(ssl);
  }
  ::shutdown(sock, SHUT_RDWR);
  ::close(sock);
  return ok;
}

class ElasticPool final : public httplib::TaskQueue {
 public:
  explicit ElasticPool(size_t maxThreads) : max_(std::max<size_t>(maxThreads, 1)) {}
  ~ElasticPool() override { shutdown(); }
  void enqueue(std::function<void()> fn) override {
    std::lock_guard lock(mutex_);
    jobs_.push_back(std::move(fn));
    if (!stopping_ && jobs_.size() > idle_ && threads_.size() < max_) threads_.emplace_back([this] { work(); });
    cond_.notify_one();
  }
  void shutdown() override {
    {
      std::lock_guard lock(mutex_);
      if (stopping_) return;
      stopping_ = true;
    }
    cond_.notify_all();
    for (auto& t : threads_) t.join();
  }

 private:
  void work() {
    std::unique_lock lock(mutex_);
    for (;;) {
      ++idle_;
      cond_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
      --idle_;
      if (jobs_.empty()) return;  // stopping with nothing left to do
      auto job = std::move(jobs_.front());
      jobs_.pop_front();
      lock.unlock();
      job();
      lock.lock();
    }
  }
  const size_t max_;
  std::mutex mutex_;
  std::condition_variable cond_;
  std::deque<std::function<void()>> jobs_;
  std::vector<std::thread> threads_;  // only grows, under mutex_; joined at shutdown
  size_t idle_ = 0;
  bool stopping_ = false;
};
}  // namespace

ConnectionControl* currentConnection() { return tlsCurrent; }

std::unique_ptr<httplib::TaskQueue> makeElasticPool(size_t maxThreads) {
  return std::make_unique<ElasticPool>(maxThreads);
}

GuardedServer::GuardedServer(ConnectionLimits limits) : limits_(limits) {
  new_task_queue = [max = limits_.maxWorkers] { return makeElasticPool(max).release(); };
  // Only what httplib advertises in its Keep-Alive header: the loop above enforces these.
  set_keep_alive_timeout(limits_.keepAliveSeconds);
  set_keep_alive_max_count(limits_.keepAliveMax);
}

bool GuardedServer::widenListenBacklog(int backlog) { return ::listen(svr_sock_, backlog) == 0; }
bool GuardedSslServer::widenListenBacklog(int backlog) { return ::listen(svr_sock_, backlog) == 0; }

bool GuardedServer::process_and_close_socket(socket_t sock) {
  return serveConnection(sock, nullptr, limits_,
                         [this](httplib::Stream& s, bool closeConnection, bool& closed, const SetupRequest& setup) {
                           return process_request(s, closeConnection, closed, setup);
                         });
}

GuardedSslServer::GuardedSslServer(ConnectionLimits limits, const char* certPath, const char* keyPath)
    : httplib::SSLServer(certPath, keyPath), limits_(limits) {
  new_task_queue = [max = limits_.maxWorkers] { return makeElasticPool(max).release(); };
  set_keep_alive_timeout(limits_.keepAliveSeconds);
  set_keep_alive_max_count(limits_.keepAliveMax);
}

bool GuardedSslServer::process_and_close_socket(socket_t sock) {
  return serveConnection(sock, is_valid() ? ssl_context() : nullptr, limits_,
                         [this](httplib::Stream& s, bool closeConnection, bool& closed, const SetupRequest& setup) {
                           return process_request(s, closeConnection, closed, setup);
                         });
}

}  // namespace medpics::platform
