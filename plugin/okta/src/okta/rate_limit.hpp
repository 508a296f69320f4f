// Okta's rate-limit headers, and pacing shared by every thread of the process.
#pragma once

#include "transport/wire.hpp"

#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace okta_plugin::okta {

struct rate_limit_headers {
    std::optional<std::int64_t> limit;        // X-Rate-Limit-Limit
    std::optional<std::int64_t> remaining;    // X-Rate-Limit-Remaining
    std::optional<std::int64_t> reset_epoch;  // X-Rate-Limit-Reset, UTC epoch seconds
    std::optional<std::int64_t> server_date;  // Date, as UTC epoch seconds
};

rate_limit_headers read_rate_limit_headers(const transport::wire_response& response);

// How long until the window resets. Measured against the server's own Date
// when it sent one (so a skewed local clock does not matter), else against
// `now`. Zero when the reset is already past; nothing without a Reset header;
// at most max_reset_wait, so a nonsense Reset (year 292277026596) cannot
// overflow the clock arithmetic that follows.
inline constexpr std::chrono::seconds max_reset_wait{24 * 60 * 60};
std::optional<std::chrono::milliseconds> time_until_reset(const rate_limit_headers& headers,
                                                          std::chrono::system_clock::time_point now);

// "2026-11-22T20:45:10Z"
std::string format_utc(std::int64_t epoch_seconds);

// An IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT") as epoch seconds.
std::optional<std::int64_t> parse_http_date(std::string_view text);

// Okta counts requests per endpoint group (DESIGN.md §5).
enum class rate_bucket {
    users_collection,  // GET and POST /api/v1/users
    user_read,         // GET /api/v1/users/{id}
    user_write,        // POST, PUT, DELETE /api/v1/users/{id}
};

// Remembers, per org and bucket, that Okta said "0 requests remaining until
// T", so that other calls wait for T instead of earning a 429. Thread-safe.
class rate_pacer {
public:
    using clock = std::chrono::steady_clock;

    void record(const std::string& origin, rate_bucket bucket, const rate_limit_headers& headers);

    // When the bucket opens again, if it is closed now.
    std::optional<clock::time_point> closed_until(const std::string& origin, rate_bucket bucket);

private:
    std::mutex mutex_;
    std::map<std::pair<std::string, rate_bucket>, clock::time_point> closed_;
};

}  // namespace okta_plugin::okta
