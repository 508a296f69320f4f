// Pacing shared by every thread of the process: admission control per org
// and rate-limit bucket, fed by what each answer says of its window.
#pragma once

#include "okta/client/rate_budget.hpp"
#include "okta/protocol/rate_limit.hpp"

#include <chrono>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <utility>

namespace okta_plugin::okta {

// Admission control, per org and bucket, shared by every thread of the
// process, so that a long forEach waits for the reset instead of earning 429s.
// Each answer tells how many requests the window has left and when it
// resets; every send takes one of those slots; once none are left, callers
// wait for the reset instead of earning a 429. After the reset the window is
// assumed full again (X-Rate-Limit-Limit) until the next answer says more.
//
// The clock is a parameter of every call so that tests are deterministic;
// the overloads without one read the real clocks. Thread-safe.
class rate_pacer final : public rate_budget {
public:

    // Takes a slot when one is free (or when nothing is known yet). Callers
    // refused once queue up first come, first served: `ticket` (0 at first)
    // keeps the caller's place, and the slots of a new window go to the
    // queue before anyone who arrives later.
    admission admit(const std::string& origin, rate_bucket bucket, clock::time_point now,
                    std::uint64_t& ticket) override;
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
    void force(const std::string& origin, rate_bucket bucket, std::uint64_t ticket = 0) override;

    // An answer arrived (its headers), or a request ended without one
    // (empty headers): the request no longer counts as in flight.
    void record(const std::string& origin, rate_bucket bucket, const rate_limit_headers& headers,
                clock::time_point now, std::chrono::system_clock::time_point wall_now);
    void record(const std::string& origin, rate_bucket bucket, const rate_limit_headers& headers) override {
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
