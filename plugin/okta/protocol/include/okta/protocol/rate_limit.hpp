// Okta's rate-limit headers and buckets: what an answer says of the window.
#pragma once

#include "wire/http_message.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace okta_plugin::okta {

struct rate_limit_headers {
    std::optional<std::int64_t> limit;        // X-Rate-Limit-Limit
    std::optional<std::int64_t> remaining;    // X-Rate-Limit-Remaining
    std::optional<std::int64_t> reset_epoch;  // X-Rate-Limit-Reset, UTC epoch seconds
    std::optional<std::int64_t> server_date;  // Date, as UTC epoch seconds
};

rate_limit_headers read_rate_limit_headers(const wire::response& response);

// How long until the window resets. Measured against the server's Date
// when it sent one and that gives a wait of at most max_reset_wait (so a
// skewed local clock does not matter), to the millisecond when the local
// clock falls within Date's second; else against `now` (a Date a day off is
// the server's mistake, not a day's wait). Zero when the reset is already
// past; nothing without a Reset header; at most max_reset_wait: Okta's
// windows are a minute long, so a Reset much further off is not worth
// waiting for in full (and a nonsense one, year 292277026596, cannot
// overflow the clock arithmetic that follows).
inline constexpr std::chrono::seconds max_reset_wait{10 * 60};
std::optional<std::chrono::milliseconds> time_until_reset(const rate_limit_headers& headers,
                                                          std::chrono::system_clock::time_point now);

// "2026-11-22T20:45:10Z"
std::string format_utc(std::int64_t epoch_seconds);
// Okta's timestamps ("2026-11-22T20:45:10.123Z") as epoch milliseconds.
std::optional<std::int64_t> parse_utc_millis(std::string_view text);

// An IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT") as epoch seconds.
std::optional<std::int64_t> parse_http_date(std::string_view text);

// The pacer reopens a window this long after its reset, not at it: room for
// the server's own clock to tick past the reset second before our first
// request of the new window lands (too early earns a 429).
inline constexpr std::chrono::milliseconds reset_margin{50};

// Okta counts requests per endpoint group (its rate limit documentation).
enum class rate_bucket {
    users_collection,  // GET and POST /api/v1/users
    user_read,         // GET /api/v1/users/{id}
    user_write,        // POST, PUT, DELETE /api/v1/users/{id} and its lifecycle
    groups_collection, // GET /api/v1/groups
    group_read,        // GET /api/v1/groups/{id} and its members
    group_write,       // PUT, DELETE /api/v1/groups/{id}/users/{userId}
};

}  // namespace okta_plugin::okta
