#include "plugin_runtime.hpp"

#include "nodes/runtime.hpp"
#include "okta/client/rate_pacer.hpp"
#include "okta/client/shared_rate_budget.hpp"
#include "redis/redis_pool.hpp"
#include "transport/https_client.hpp"

#include <memory>

namespace okta_plugin {
namespace {

struct plugin_runtime {
    transport::https_client http;
    okta::rate_pacer pacer;
    okta::unconfirmed_changes unconfirmed;
    okta::token_cache tokens;
    redis::redis_pool redis;
    okta::shared_budgets shared_budgets{redis};
    nodes::node_runtime services{http, pacer, unconfirmed, tokens, shared_budgets};
};

// Set and reset only on the load thread (init/deinit), while no node runs.
std::unique_ptr<plugin_runtime> current;

}  // namespace

bool start_runtime() noexcept {
    try {
        if (!current) {
            current = std::make_unique<plugin_runtime>();
            nodes::install_runtime(&current->services);
        }
        return true;
    } catch (...) {
        return false;
    }
}

void stop_runtime() noexcept {
    nodes::install_runtime(nullptr);
    current.reset();
}

}  // namespace okta_plugin
