// okta.user.update: POST /api/v1/users/{id} with only the changed fields.
// Never PUT: a PUT replaces the whole profile and erases what it leaves out.
#include "nodes/node_functions.hpp"
#include "nodes/node_inputs.hpp"
#include "nodes/okta_session.hpp"
#include "nodes/output.hpp"
#include "nodes/user_lookup.hpp"

namespace okta_plugin::nodes {

boost::json::object update_user(const wfn::node_call& call) {
    const update_user_input input = read_update_user(call.params);
    okta_session session(call, input.max_retries);
    resolved_id target = resolve_user_id(session.client(), input.user_id);
    if (target.id.empty()) {
        return session.seal(envelope(target.failure), input.password);
    }
    okta::api_result result = session.client().update_user(target.id, input.body, !input.password.empty());
    boost::json::object output = envelope(result);
    if (result.succeeded()) {
        output["User"] = std::move(result.body);
    }
    return session.seal(std::move(output), input.password);
}

}  // namespace okta_plugin::nodes
