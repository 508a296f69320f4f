// okta.user.create: POST /api/v1/users?activate=…
#include "nodes/node_functions.hpp"
#include "nodes/node_inputs.hpp"
#include "nodes/okta_session.hpp"
#include "nodes/output.hpp"

namespace okta_plugin::nodes {

boost::json::object create_user(const wfn::node_call& call) {
    const create_user_input input = read_create_user(call.params);
    okta_session session(call, "okta.user.create", input.max_retries, &input.password);
    okta::call_result result = session.client().create_user({input.body, input.activate, !input.password.empty()});
    // True when the create's answer was lost and the user was found made.
    const bool reconciled = result && result->reconciled;
    boost::json::object output = user_output(std::move(result));
    output["Reconciled"] = reconciled;
    return session.seal(std::move(output));
}

}  // namespace okta_plugin::nodes
