#include "nodes/output.hpp"

#include <wfn/plugin.hpp>

namespace okta_plugin::nodes {

boost::json::object envelope(const okta::api_result& result) {
    boost::json::object output = wfn::make_output(result.status, result.error_message);
    output["ErrorCode"] = result.error_code;
    output["RequestId"] = result.request_id;
    return output;
}

}  // namespace okta_plugin::nodes
