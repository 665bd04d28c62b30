// Request body limits, checked on the declared Content-Length before any byte of the body is read.
#pragma once
#include "context.hpp"

namespace medpics::platform {

constexpr size_t kMaxAuthBody = 16u << 10;  // 16 KiB: login and logout

// The most a route accepts: kMaxDecisionBody for a post decision (masked images), kMaxAuthBody for
// /api/v1/auth/*, kMaxJsonBody for every other route.
size_t bodyLimitFor(const httplib::Request& req);

// Runs after the headers, before the body: 411 without a Content-Length on a method with a body (or with
// Transfer-Encoding), 413 over the route's limit, 401 for a body over kMaxJsonBody without a valid token.
// A refused request is answered at once and its connection closed without storing the body.
// Returns true when it answered.
bool refuseBodyBeforeReading(Context& ctx, const httplib::Request& req, httplib::Response& res);

}  // namespace medpics::platform
