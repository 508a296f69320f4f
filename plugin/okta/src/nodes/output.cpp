#include "nodes/output.hpp"

#include "okta/rate_limit.hpp"

#include <wfn/plugin.hpp>

namespace okta_plugin::nodes {

boost::json::object envelope(const okta::api_result& result) {
    boost::json::object output = wfn::make_output(result.status, result.error_message);
    output["ErrorCode"] = result.error_code;
    output["RequestId"] = result.request_id;
    // The engine's cue to run the node again later (README "Retry policy").
    output["Retryable"] = result.retryable;
    if (result.rate_limit_reset) {
        output["RateLimitReset"] = okta::format_utc(*result.rate_limit_reset);
    }
    return output;
}

}  // namespace okta_plugin::nodes
