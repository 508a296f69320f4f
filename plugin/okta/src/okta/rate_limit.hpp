// Okta's rate-limit headers, and pacing shared by every thread of the process.
#pragma once

#include "transport/wire.hpp"

#include <chrono>
#include <cstdint>
#include <deque>
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

// How long until the window resets. Measured against `now` to the
// millisecond when it lies within the second of the server's Date (the
// clocks agree), else against the server's whole-second Date (so a skewed
// local clock does not matter), else, without a Date, against `now`. Zero
// when the reset is already past; nothing without a Reset header; at most
// max_reset_wait, so a nonsense Reset (year 292277026596) cannot
// overflow the clock arithmetic that follows.
inline constexpr std::chrono::seconds max_reset_wait{24 * 60 * 60};
std::optional<std::chrono::milliseconds> time_until_reset(const rate_limit_headers& headers,
                                                          std::chrono::system_clock::time_point now);

// "2026-11-22T20:45:10Z"
std::string format_utc(std::int64_t epoch_seconds);

// An IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT") as epoch seconds.
std::optional<std::int64_t> parse_http_date(std::string_view text);

// The pacer reopens a window this long after its reset, not at it: room for
// the server's own clock to tick past the reset second before our first
// request of the new window lands (too early earns a 429).
inline constexpr std::chrono::milliseconds reset_margin{50};

// Okta counts requests per endpoint group (DESIGN.md §5).
enum class rate_bucket {
    users_collection,  // GET and POST /api/v1/users
    user_read,         // GET /api/v1/users/{id}
    user_write,        // POST, PUT, DELETE /api/v1/users/{id}
};

// Admission control, per org and bucket, shared by every thread of the
// process (issue #6: a forEach of 1,000 creates must not earn 694 429s).
// Each answer tells how many requests the window has left and when it
// resets; every send takes one of those slots; once none are left, callers
// wait for the reset instead of earning a 429. After the reset the window is
// assumed full again (X-Rate-Limit-Limit) until the next answer says more.
//
// The clock is a parameter of every call so that tests are deterministic;
// the overloads without one read the real clocks. Thread-safe.
class rate_pacer {
public:
    using clock = std::chrono::steady_clock;

    // Either "send now" (a slot was taken) or "ask again at `retry_at`".
    struct admission {
        bool granted = true;
        clock::time_point retry_at{};
    };

    // Takes a slot when one is free (or when nothing is known yet). Callers
    // refused once queue up first come, first served: `ticket` (0 at first)
    // keeps the caller's place, and the slots of a new window go to the
    // queue before anyone who arrives later.
    admission admit(const std::string& origin, rate_bucket bucket, clock::time_point now, std::uint64_t& ticket);
    admission admit(const std::string& origin, rate_bucket bucket, clock::time_point now) {
        std::uint64_t ticket = 0;
        admission answer = admit(origin, bucket, now, ticket);
        if (!answer.granted) {
            force_leave(origin, bucket, ticket);
        }
        return answer;
    }

    // Sends without a slot (the caller cannot wait): still counted, so the
    // estimate of what is left stays honest. Gives up the caller's place.
    void force(const std::string& origin, rate_bucket bucket, std::uint64_t ticket = 0);

    // An answer arrived (its headers), or a request ended without one
    // (empty headers): the request no longer counts as in flight.
    void record(const std::string& origin, rate_bucket bucket, const rate_limit_headers& headers,
                clock::time_point now, std::chrono::system_clock::time_point wall_now);
    void record(const std::string& origin, rate_bucket bucket, const rate_limit_headers& headers) {
        record(origin, bucket, headers, clock::now(), std::chrono::system_clock::now());
    }

    // When the bucket opens again, if no slot is left now.
    std::optional<clock::time_point> closed_until(const std::string& origin, rate_bucket bucket,
                                                  clock::time_point now);
    std::optional<clock::time_point> closed_until(const std::string& origin, rate_bucket bucket) {
        return closed_until(origin, bucket, clock::now());
    }

private:
    struct window {
        std::optional<std::int64_t> limit;        // X-Rate-Limit-Limit last seen
        std::optional<std::int64_t> remaining;    // slots left; nothing when unknown
        std::optional<std::int64_t> reset_epoch;  // which window `remaining` is about
        clock::time_point reset_at{};             // when it resets, on the local clock
        std::int64_t in_flight = 0;               // sent, no answer yet
        bool rolled_over = false;                 // reset_at passed; refilled from `limit`
        std::optional<std::int64_t> retired_epoch;  // the latest window replaced by a newer one
        std::deque<std::uint64_t> queue;          // tickets of callers waiting, oldest first
        std::uint64_t next_ticket = 1;
    };
    // A window whose reset has passed starts again full.
    static void roll_over(window& state, clock::time_point now);
    // Leaves the queue without sending (only for the ticketless overload).
    void force_leave(const std::string& origin, rate_bucket bucket, std::uint64_t ticket);

    std::mutex mutex_;
    std::map<std::pair<std::string, rate_bucket>, window> windows_;
};

}  // namespace okta_plugin::okta
