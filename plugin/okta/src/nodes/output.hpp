// Turns a client result into the node output envelope (DESIGN.md §4).
#pragma once

#include "okta/users_client.hpp"

#include <boost/json/object.hpp>

namespace okta_plugin::nodes {

// StatusCode, ErrorMessage, ErrorCode, RequestId and Retryable from
// `result`, and RateLimitReset (ISO-8601 UTC) when Okta sent one with a 429.
boost::json::object envelope(const okta::api_result& result);

}  // namespace okta_plugin::nodes
