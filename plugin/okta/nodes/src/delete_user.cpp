// okta.user.delete: a permanent delete that converges (the client's
// deactivate-then-delete), or with DeactivateOnly Okta's single DELETE.
#include "nodes/node_functions.hpp"
#include "nodes/node_inputs.hpp"
#include "nodes/okta_session.hpp"
#include "nodes/output.hpp"

namespace okta_plugin::nodes {

boost::json::object delete_user(const wfn::node_call& call) {
    const delete_user_input input = read_delete_user(call.params);
    okta_session session(call, "okta.user.delete", input.max_retries);
    okta::users_client& users = session.client();
    okta::call_result result = input.deactivate_only ? users.deactivate_user(input.user_id, input.send_email)
                                                     : users.delete_user(input.user_id, input.send_email);
    const bool reconciled = result && result->reconciled;
    boost::json::object output = result ? envelope(*result) : envelope(result.error());
    output["Reconciled"] = reconciled;
    return session.seal(std::move(output));
}

}  // namespace okta_plugin::nodes
