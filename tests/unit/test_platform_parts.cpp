// Unit tests of sandbox server parts: command line, password records, login rate limiter, RFC 3339 times.
#include "platform/password.hpp"
#include "platform/rate_limiter.hpp"
#include "platform/server_options.hpp"
#include "platform/store.hpp"

#include <catch2/catch.hpp>

using namespace medpics::platform;

TEST_CASE("platform: command line options and their validation") {
  ServerOptions o;
  REQUIRE_FALSE(parseServerOptions({"--port", "0", "--data", "/tmp/x", "--demo", "--lease-ttl", "1", "--fail-rate",
                                    "0.5", "--drop-rate", "1", "--latency-ms", "20", "--port-file", "/tmp/p"},
                                   o));
  CHECK(o.port == 0);
  CHECK(o.demo);
  CHECK(o.leaseTtlSeconds == 1);
  CHECK(o.failRate == 0.5);
  CHECK(o.dropRate == 1.0);
  CHECK(o.portFile == "/tmp/p");
  ServerOptions small;
  REQUIRE_FALSE(parseServerOptions({"--data", "d", "--demo-small"}, small));
  CHECK((small.demo && small.demoSmall));
  ServerOptions bad;
  CHECK(parseServerOptions({"--port", "0"}, bad).has_value());                      // no --data
  CHECK(parseServerOptions({"--data", "d", "--fail-rate", "2"}, bad).has_value());  // out of range
  CHECK(parseServerOptions({"--data", "d", "--lease-ttl"}, bad).has_value());       // missing value
  CHECK(parseServerOptions({"--data", "d", "--bogus"}, bad).has_value());
  CHECK(parseServerOptions({"--data", "d", "--kdf-iterations", "10"}, bad).has_value());
}

TEST_CASE("platform: PBKDF2 password records verify only the right password") {
  const std::string record = hashPassword("modo-demo", 1000);
  CHECK(record.rfind("pbkdf2-sha256$1000$", 0) == 0);
  CHECK(verifyPassword("modo-demo", record));
  CHECK_FALSE(verifyPassword("modo-demo ", record));
  CHECK_FALSE(verifyPassword("modo-demo", "garbage"));
  CHECK(hashPassword("same", 1000) != hashPassword("same", 1000));  // random salt
  CHECK(randomHex(16).size() == 32);
}

TEST_CASE("platform: the rate limiter opens again when the window passes") {
  RateLimiter limiter(3, 60);
  for (int i = 0; i < 3; ++i) {
    CHECK(limiter.retryAfter("u", 1000) == 0);
    limiter.recordFailure("u", 1000 + i);
  }
  CHECK(limiter.retryAfter("u", 1010) == 50);
  CHECK(limiter.retryAfter("other", 1010) == 0);
  CHECK(limiter.retryAfter("u", 1061) == 0);
}

TEST_CASE("platform: RFC 3339 formatting and parsing") {
  CHECK(rfc3339(0) == "1970-01-01T00:00:00Z");
  CHECK(parseRfc3339("2026-11-22T14:03:00Z") == 1795356180);
  CHECK(parseRfc3339("2026-11-22T15:03:00+01:00") == 1795356180);
  CHECK(parseRfc3339("2026-11-22T14:03:00.250Z") == 1795356180);
  CHECK_FALSE(parseRfc3339("yesterday"));
  CHECK_FALSE(parseRfc3339("2026-13-01T00:00:00Z"));
}
