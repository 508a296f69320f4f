// What all node calls of the process share: the HTTPS client with its
// connection pool, and the rate-limit pacer. Lives from the plugin's init()
// to its deinit().
#pragma once

#include "okta/rate_limit.hpp"
#include "transport/https_client.hpp"

namespace okta_plugin::nodes {

struct plugin_runtime {
    transport::https_client http;
    okta::rate_pacer pacer;
};

// init() and deinit() of the ABI; false when the runtime cannot start.
bool start_runtime() noexcept;
void stop_runtime() noexcept;

// The running runtime. Throws std::logic_error outside init()..deinit().
plugin_runtime& runtime();

}  // namespace okta_plugin::nodes
