#pragma once
// Time formats the Okta API uses on the wire.
#include <chrono>
#include <cstdint>
#include <string>

namespace okta_sandbox {

using wall_clock = std::chrono::system_clock;

// "2013-06-24T16:39:18.000Z": Okta's timestamp format (UTC, milliseconds).
std::string iso8601_millis(wall_clock::time_point when);

// "Sun, 06 Nov 1994 08:49:37 GMT": the HTTP Date header. Okta's SDKs compute
// their 429 back-off from X-Rate-Limit-Reset minus this header, so it matters.
std::string http_date(wall_clock::time_point when);

std::int64_t epoch_seconds(wall_clock::time_point when);

}  // namespace okta_sandbox
