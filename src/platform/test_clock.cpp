// Test clock: one process-wide offset read by nowSeconds(), advanced by a route that exists only with --test-clock.
#include "test_clock.hpp"

#include "medpics/util/log.hpp"

#include <atomic>

namespace medpics::platform {
namespace {
std::atomic<int64_t> offset{0};
constexpr int64_t kMaxAdvance = 366 * 24 * 3600;  // one call moves the clock by at most a year
}  // namespace

int64_t clockOffsetSeconds() { return offset.load(); }

int64_t advanceClock(int64_t seconds) { return offset += seconds; }

void registerTestClockRoute(httplib::Server& server, Context&) {
  log::warn("medpics-platform: test clock on (POST /api/v1/test/clock moves time forward; tests only)");
  server.Post("/api/v1/test/clock", guarded([](const httplib::Request& req, httplib::Response& res) {
                const nlohmann::json body = parseJsonObject(req.body);
                const auto it = body.find("advance_seconds");
                if (it == body.end() || !it->is_number_integer())
                  badRequest("field 'advance_seconds' must be an integer");
                const int64_t seconds = it->get<int64_t>();
                if (seconds < 1 || seconds > kMaxAdvance)
                  badRequest("field 'advance_seconds' must be 1.." + std::to_string(kMaxAdvance));
                const int64_t total = advanceClock(seconds);
                sendJson(res, 200, {{"now", nowSeconds()}, {"offset_seconds", total}});
              }));
}

}  // namespace medpics::platform
