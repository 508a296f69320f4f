// okta.user.get: GET /api/v1/users/{id or login}, or a login search for "/".
#include "nodes/node_functions.hpp"
#include "nodes/node_inputs.hpp"
#include "nodes/okta_session.hpp"
#include "nodes/output.hpp"

namespace okta_plugin::nodes {

boost::json::object get_user(const wfn::node_call& call) {
    const get_user_input input = read_get_user(call.params);
    okta_session session(call, input.max_retries);
    return session.seal(user_output(session.client().get_user(input.user_id)));
}

}  // namespace okta_plugin::nodes
