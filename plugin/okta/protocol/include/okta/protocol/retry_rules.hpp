// Which outcomes are worth another try, and how long to back off before it.
// Pure functions, kept apart from users_client so the rules can be read and
// tested on their own (README "Retry policy").
#pragma once

#include "wire/transport_error.hpp"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <random>

namespace okta_plugin::okta {

// How a request may be sent again after a failure.
enum class resend_rule {
    // GET, PUT and Okta's partial-update POST /api/v1/users/{id}: doing it
    // twice leaves the same state as doing it once.
    idempotent,
    // POST /api/v1/users (a second one could make a second user) and DELETE
    // (a second one deletes what the first only deactivated): sent again only
    // when it certainly was not carried out (a 429, or not a byte sent).
    only_if_not_carried_out,
};

// 429, and the 5xx that mean "try again later" (500, 502, 503, 504). Any
// other 5xx is final, like every 4xx: a 501 says the server does not
// support the method at all, and asking again cannot change that.
inline bool is_retryable_status(int status) noexcept {
    return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
}

// A failure a later attempt may not meet: the network, not the request or the
// configuration. A timeout counts only while the call still has time left
// (when the host set no deadline, each exchange is capped on its own).
inline bool is_transient_failure(wire::failure kind, bool time_left) noexcept {
    switch (kind) {
        case wire::failure::connect:
        case wire::failure::connection_closed: return true;
        case wire::failure::timeout: return time_left;
        default: return false;
    }
}

struct backoff_policy {
    std::chrono::milliseconds base{200};
    std::chrono::milliseconds cap{5000};
};

// min(cap, base * 2^retry): the most a retry numbered `retry` (from 0) waits.
inline std::chrono::milliseconds backoff_ceiling(const backoff_policy& policy, int retry) noexcept {
    auto ceiling = policy.base;
    for (int i = 0; i < retry && ceiling < policy.cap; ++i) {
        ceiling *= 2;
    }
    return std::min(ceiling, policy.cap);
}

// Full jitter: uniform in [0, ceiling], so that clients failing together do
// not come back together.
template <class Generator>
std::chrono::milliseconds full_jitter(std::chrono::milliseconds ceiling, Generator& random) {
    std::uniform_int_distribution<std::int64_t> pick(0, std::max<std::int64_t>(0, ceiling.count()));
    return std::chrono::milliseconds(pick(random));
}

}  // namespace okta_plugin::okta
