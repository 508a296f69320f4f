#include "nodes/output.hpp"

#include "okta/protocol/rate_limit.hpp"

#include <wfn/plugin.hpp>

namespace okta_plugin::nodes {

boost::json::object envelope(const okta::answer& done) {
    boost::json::object output = wfn::make_output(done.status, "");
    output["ErrorCode"] = "";
    output["RequestId"] = done.request_id;
    output["Retryable"] = false;
    return output;
}

boost::json::object envelope(const okta::call_failure& failure) {
    boost::json::object output = wfn::make_output(failure.status, failure.message);
    output["ErrorCode"] = failure.code;
    output["RequestId"] = failure.request_id;
    // The engine's cue to run the node again later (README "Retry policy").
    output["Retryable"] = failure.retryable;
    if (failure.rate_limit_reset) {
        output["RateLimitReset"] = okta::format_utc(*failure.rate_limit_reset);
    }
    return output;
}

boost::json::object user_output(okta::call_result result) {
    if (!result) {
        return envelope(result.error());
    }
    boost::json::object output = envelope(*result);
    output["User"] = std::move(result->body);
    return output;
}

}  // namespace okta_plugin::nodes
