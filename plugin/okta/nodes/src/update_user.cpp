// okta.user.update: POST /api/v1/users/{id} with only the changed fields.
// Never PUT: a PUT replaces the whole profile and erases what it leaves out.
#include "nodes/node_functions.hpp"
#include "nodes/node_inputs.hpp"
#include "nodes/okta_session.hpp"
#include "nodes/output.hpp"

namespace okta_plugin::nodes {

boost::json::object update_user(const wfn::node_call& call) {
    const update_user_input input = read_update_user(call.params);
    okta_session session(call, "okta.user.update", input.max_retries, &input.password);
    return session.seal(
        user_output(session.client().update_user(input.user_id, input.body, !input.password.empty())));
}

}  // namespace okta_plugin::nodes
