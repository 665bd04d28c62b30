// The sandbox's clock offset and the test-only route that moves it forward (`--test-clock`), so that tests let a
// lease or a token expire without sleeping.
#pragma once
#include "context.hpp"

#include <cstdint>

namespace medpics::platform {

// Seconds added to the system clock by nowSeconds() (store.hpp); 0 unless a test advanced it.
int64_t clockOffsetSeconds();
// Moves the clock forward by `seconds` (> 0; it never goes back) and returns the new offset.
int64_t advanceClock(int64_t seconds);

// POST /api/v1/test/clock {"advance_seconds": N} → {"now", "offset_seconds"}; registered only with --test-clock.
void registerTestClockRoute(httplib::Server& server, Context& ctx);

}  // namespace medpics::platform
