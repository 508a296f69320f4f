// Where an org's shared rate budget lives, parsed from the RateBudgetUrl
// credential field: redis://[user:password@]host:port[/db][?options], or
// rediss:// for TLS.
#pragma once

#include "okta/protocol/org_address.hpp"
#include "wire/redis_link.hpp"

#include <chrono>
#include <cstdint>
#include <string_view>

namespace okta_plugin::okta {

struct rate_budget_settings {
    wire::redis_address redis;
    // Requests in flight at once per org, across every worker (Okta's
    // concurrent limit is 75 for most orgs).
    std::int64_t max_in_flight = 75;
    // How long a slot in flight is held before it counts as given back: a
    // worker that dies mid-request frees its slots after this long.
    std::chrono::milliseconds lease{30'000};
};

// Percent-decodes the user and the password; the port defaults to 6379 and
// the database to 0. Options: max_in_flight=N (1 to 1000) and
// lease_seconds=N (1 to 600). Throws invalid_setting naming RateBudgetUrl,
// never quoting the password.
rate_budget_settings parse_rate_budget_url(std::string_view url);

}  // namespace okta_plugin::okta
