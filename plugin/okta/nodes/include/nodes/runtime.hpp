// What all node calls of the process share: the sender that carries their
// requests (the HTTPS client and its connection pool, in the plugin) and the
// rate-limit pacer (and the Redis of shared budgets), the changes whose outcome stayed unknown, and the access tokens. The plugin library installs them at init() and removes
// them at deinit(), while no node runs; nodes only read them.
#pragma once

#include "okta/client/rate_pacer.hpp"
#include "okta/client/shared_rate_budget.hpp"
#include "okta/client/token_cache.hpp"
#include "okta/client/unconfirmed_changes.hpp"
#include "wire/sender.hpp"

namespace okta_plugin::nodes {

struct node_runtime {
    wire::sender& sender;
    okta::rate_pacer& pacer;
    okta::unconfirmed_changes& unconfirmed;
    okta::token_cache& tokens;  // service apps' access tokens and DPoP state
    okta::shared_budgets& shared_budgets;  // Redis, for credentials with a RateBudgetUrl
};

// Installs `services` (nullptr removes them). Not thread-safe: call it only
// while no node runs. What it refers to must outlive the next call.
void install_runtime(const node_runtime* services) noexcept;

// The installed runtime. Throws std::logic_error when none is installed.
const node_runtime& runtime();

}  // namespace okta_plugin::nodes
