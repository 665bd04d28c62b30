// Body limits on the declared Content-Length: refused at once, before the body is read, so that huge
// unauthenticated bodies cost the sandbox server neither time nor memory.
#include "api_support.hpp"
#include "raw_socket.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <cstdio>
#include <chrono>
#include <thread>

using namespace medpics::test;
using Clock = std::chrono::steady_clock;

namespace {
std::string head(const std::string& path, uint64_t length, const std::string& token = {}) {
  std::string h = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n";
  if (!token.empty()) h += "Authorization: Bearer " + token + "\r\n";
  return h + "Content-Length: " + std::to_string(length) + "\r\n\r\n";
}
// Sends only the headers and returns the status line of the answer read within 1 s.
std::string answerToHeadersOnly(int port, const std::string& headers) {
  RawConnection c(port);
  if (!c.connected() || !c.send(headers)) return "no connection";
  const std::string got = c.readHead(1.0);
  return got.substr(0, got.find("\r\n"));
}
}  // namespace

TEST_CASE("an over-limit Content-Length is answered at once, without the body", "[body-limits]") {
  Sandbox sb;
  const int port = sb.server.port();
  const std::string token = loginAs(sb.url(), "modo").token();
  // Nothing of the body is sent: the answer must come from the declared length alone, within 1 s.
  CHECK(answerToHeadersOnly(port, head("/api/v1/auth/login", 100u << 20)).rfind("HTTP/1.1 413", 0) == 0);
  CHECK(answerToHeadersOnly(port, head("/api/v1/auth/login", 20u << 10)).rfind("HTTP/1.1 413", 0) == 0);
  CHECK(answerToHeadersOnly(port, head("/api/v1/posts/p1/claim", 2u << 20, token)).rfind("HTTP/1.1 413", 0) == 0);
  CHECK(answerToHeadersOnly(port, head("/api/v1/posts/p1/decision", 100u << 20, token)).rfind("HTTP/1.1 413", 0) == 0);
  // Under the image-upload limit but over the JSON one: no token, no body read.
  CHECK(answerToHeadersOnly(port, head("/api/v1/posts/p1/decision", 60u << 20)).rfind("HTTP/1.1 401", 0) == 0);
  // No length: refused rather than read to the end of the stream.
  CHECK(answerToHeadersOnly(port, "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n")
            .rfind("HTTP/1.1 411", 0) == 0);
  CHECK(answerToHeadersOnly(port, "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\n\r\n").rfind("HTTP/1.1 411", 0) == 0);
  CHECK(raw(sb.url(), "GET", "/api/v1/health").status == 200);
}

TEST_CASE("8 parallel 60 MB unauthenticated bodies raise the server's memory by less than 50 MB", "[body-limits]") {
  Sandbox sb;
  const int port = sb.server.port();
  const size_t before = residentBytes(sb.server.pid());
  REQUIRE(before > 0);
  std::atomic<size_t> peak{before};
  std::atomic<bool> done{false};
  std::thread sampler([&] {
    while (!done) {
      const size_t now = residentBytes(sb.server.pid());
      if (now > peak) peak = now;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  });
  std::atomic<int> refused{0};
  std::vector<std::thread> senders;
  for (int i = 0; i < 8; ++i)
    senders.emplace_back([&, i] {
      const size_t length = 60u << 20;
      RawConnection c(port);
      const std::string path = i % 2 ? "/api/v1/auth/login" : "/api/v1/posts/p1/decision";
      if (!c.send(head(path, length))) return;
      const std::string chunk(1u << 16, '{');
      const auto until = Clock::now() + std::chrono::seconds(20);
      for (size_t sent = 0; sent < length && Clock::now() < until; sent += chunk.size())
        if (!c.send(chunk)) break;  // the server closed: it refused without reading
      const std::string answer = c.readHead(2.0);
      if (answer.rfind("HTTP/1.1 413", 0) == 0 || answer.rfind("HTTP/1.1 401", 0) == 0) ++refused;
    });
  for (auto& t : senders) t.join();
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  done = true;
  sampler.join();
  const double grewMb = (double(peak) - double(before)) / 1e6;
  std::printf("body limits: server RSS %.1f MB before, peak %.1f MB during 8 x 60 MB bodies (+%.1f MB)\n", before / 1e6,
              peak / 1e6, grewMb);
  INFO("server RSS " << before / 1e6 << " MB before, peak " << peak / 1e6 << " MB (+" << grewMb << " MB)");
  CHECK(grewMb < 50.0);
  CHECK(refused == 8);
  CHECK(raw(sb.url(), "GET", "/api/v1/health").status == 200);
}
