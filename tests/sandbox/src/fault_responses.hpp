#pragma once
// The complete (if unwelcome) answers of the faults that are still one HTTP
// message: status, malformed_json, rate_limit, unexpected_shape, wrong_2xx, redirect.
#include "fault_queue.hpp"
#include "http_types.hpp"
#include "rate_limiter.hpp"

namespace okta_sandbox {

http_response fault_response(const fault& f, const http_request& request, const rate_limits& limits);

}  // namespace okta_sandbox
