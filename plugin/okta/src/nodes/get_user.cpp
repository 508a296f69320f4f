// okta.user.get: GET /api/v1/users/{id or login}, or a login filter for "/".
#include "nodes/node_functions.hpp"
#include "nodes/node_inputs.hpp"
#include "nodes/okta_session.hpp"
#include "nodes/output.hpp"
#include "nodes/user_lookup.hpp"

namespace okta_plugin::nodes {

boost::json::object get_user(const wfn::node_call& call) {
    const get_user_input input = read_get_user(call.params);
    okta_session session(call, input.max_retries);
    okta::api_result result = look_up_user(session.client(), input.user_id);
    boost::json::object output = envelope(result);
    if (result.succeeded()) {
        output["User"] = std::move(result.body);
    }
    return session.seal(std::move(output));
}

}  // namespace okta_plugin::nodes
