// The shared rate budget's side of Redis, without any I/O: the two Lua
// scripts that keep one org's windows and requests in flight for every
// worker process, the commands that run them, and what their replies mean.
//
// State, per org (one Redis hash slot, so a cluster keeps it together):
//   <org>:<identity>:<bucket>:window  hash {remaining, reset}; its TTL is the
//       time to Okta's reset, measured by Okta's own Date header
//   <org>:<identity>:<bucket>:limit   hash {limit, span}: X-Rate-Limit-Limit
//       and the longest window seen, to open the next window before Okta
//       has said anything of it
//   <org>:<identity>:<bucket>:queue   sorted set of the callers waiting for
//       a slot, scored by when they first asked
//   <org>:in-flight                   sorted set of leases, scored by when
//       they expire on Redis's clock
// Only Redis's clock (TIME, TTLs) is used: the workers' clocks may disagree.
#pragma once

#include "okta/protocol/rate_limit.hpp"
#include "okta/protocol/rate_budget_url.hpp"
#include "wire/redis_link.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace okta_plugin::okta {

struct shared_budget_keys {
    std::string window;
    std::string limit;
    std::string in_flight;
    std::string queue;
};

// A hash of the API token, or of the service app's client id: all that
// goes into the keys, so the token never reaches Redis.
std::string shared_budget_identity(std::string_view token_or_client_id);

// `identity` is what shared_budget_identity() gave.
shared_budget_keys shared_budget_keys_for(std::string_view origin, std::string_view identity, rate_bucket bucket);

// The scripts, for EVAL; and their SHA-1, for EVALSHA.
std::string_view admission_script();
std::string_view answer_script();
const std::string& admission_script_sha();
const std::string& answer_script_sha();

// Takes a slot of the window and a lease in flight, or says how long to
// wait (keeping the caller's place in the queue: the same `waiter_id` each
// time it asks). `by_sha`: EVALSHA (false: EVAL with the script's text).
std::vector<std::string> admission_command(bool by_sha, const shared_budget_keys& keys, std::string_view lease_id,
                                           std::string_view waiter_id, const rate_budget_settings& settings);

// An answer came (its headers; empty ones when none came): gives the lease
// back and writes Okta's Remaining and Reset into the window, the lower
// count winning. The window's TTL is Reset minus Okta's Date.
std::vector<std::string> answer_command(bool by_sha, const shared_budget_keys& keys, std::string_view lease_id,
                                        std::string_view waiter_id, const rate_limit_headers& headers);

struct shared_admission {
    bool granted = false;
    std::chrono::milliseconds wait{0};  // from when Redis answered; when not granted
};

// Nothing when the reply is not one the admission script gives (an error,
// a server that is not Redis): the caller treats Redis as unavailable.
std::optional<shared_admission> read_admission(const wire::redis_reply& reply);

// True when the answer script's reply says it ran.
bool answer_recorded(const wire::redis_reply& reply);

// Redis does not have the script cached (restarted, SCRIPT FLUSH): EVAL it.
bool script_not_cached(const wire::redis_reply& reply);

// While every slot in flight is taken, ask again this soon.
inline constexpr std::chrono::milliseconds in_flight_poll{50};

}  // namespace okta_plugin::okta
