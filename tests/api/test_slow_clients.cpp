// Slow and idle clients: connections that trickle header bytes or send nothing must neither stop the sandbox
// server from answering others nor stay open past the header deadline / keep-alive timeout.
#include "api_support.hpp"
#include "raw_socket.hpp"
#include "support/test_pki.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <cstdio>
#include <chrono>
#include <memory>
#include <thread>

using namespace medpics::test;
using Clock = std::chrono::steady_clock;

namespace {
double secondsSince(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }
}  // namespace

TEST_CASE("200 slow and 50 idle connections leave others answered in under 1 s and are closed", "[slow-clients]") {
  Sandbox sb({"--demo-small", "--header-timeout", "2"});
  const int port = sb.server.port();
  // A header that never ends: one byte per connection every 100 ms.
  const std::string trickle = "GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pad: " + std::string(4000, 'a');
  std::vector<std::unique_ptr<RawConnection>> slow, idle;
  for (int i = 0; i < 200; ++i) slow.push_back(std::make_unique<RawConnection>(port));
  for (int i = 0; i < 50; ++i) idle.push_back(std::make_unique<RawConnection>(port));
  for (auto& c : slow) REQUIRE(c->connected());

  std::atomic<bool> done{false};
  std::atomic<int> answered{0}, failed{0};
  std::atomic<double> worst{0};
  std::thread other([&] {
    while (!done) {
      const auto t0 = Clock::now();
      httplib::Client cli("127.0.0.1", port);
      cli.set_connection_timeout(5);
      cli.set_read_timeout(5);
      auto res = cli.Get("/api/v1/health");
      const double took = secondsSince(t0);
      if (res && res->status == 200)
        ++answered;
      else
        ++failed;
      if (took > worst) worst = took;
      std::this_thread::sleep_for(std::chrono::milliseconds(150));
    }
  });

  const auto start = Clock::now();
  std::vector<bool> open(slow.size(), true);
  size_t pos = 0;
  while (secondsSince(start) < 4.5) {  // bounded: 45 rounds of 200 one-byte sends
    for (size_t i = 0; i < slow.size(); ++i)
      if (open[i] && !slow[i]->send(trickle.substr(pos % trickle.size(), 1))) open[i] = false;
    ++pos;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  done = true;
  other.join();

  std::printf("slow clients: %d answered, %d failed, slowest %.3f s\n", answered.load(), failed.load(), worst.load());
  INFO("answered " << answered << ", failed " << failed << ", slowest " << worst << " s");
  CHECK(failed == 0);
  CHECK(answered >= 10);
  CHECK(worst < 1.0);
  // The header deadline (2 s) closed every trickling connection, the keep-alive timeout every idle one.
  int slowOpen = 0, idleOpen = 0;
  for (auto& c : slow) slowOpen += c->closedByPeer() ? 0 : 1;
  for (auto& c : idle) idleOpen += c->closedByPeer() ? 0 : 1;
  CHECK(slowOpen == 0);
  CHECK(idleOpen == 0);
  CHECK(raw(sb.url(), "GET", "/api/v1/health").status == 200);
}

TEST_CASE("a TLS connection that trickles its handshake is closed at the header deadline", "[slow-clients]") {
  TestPki pki;
  Sandbox sb({"--demo-small", "--header-timeout", "1", "--tls-cert", pki.serverCert.string(), "--tls-key",
              pki.serverKey.string()});
  RawConnection c(sb.server.port());
  REQUIRE(c.connected());
  const std::string hello("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 11);  // a ClientHello that never ends
  const auto start = Clock::now();
  bool closed = false;
  for (size_t i = 0; i < 40 && !closed; ++i) {  // at most 4 s
    closed = !c.send(hello.substr(i % hello.size(), 1)) || c.closedByPeer();
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  CHECK(closed);
  CHECK(secondsSince(start) < 3.0);
}
