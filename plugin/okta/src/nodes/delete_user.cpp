// okta.user.delete: a permanent delete that converges.
//
// Okta's DELETE only deactivates a user that is not DEPROVISIONED yet; a
// second DELETE removes it (DESIGN.md §6: a node that stops after the first
// call reports a deletion that did not happen). Reading the status first
// makes a rerun after a failure halfway finish the job instead of failing.
#include "nodes/node_functions.hpp"
#include "nodes/node_inputs.hpp"
#include "nodes/okta_session.hpp"
#include "nodes/output.hpp"
#include "nodes/user_lookup.hpp"

#include "okta/error_codes.hpp"

namespace okta_plugin::nodes {
namespace {

constexpr std::string_view deprovisioned = "DEPROVISIONED";

boost::json::object delete_once(okta_session& session, const delete_user_input& input) {
    resolved_id target = resolve_user_id(session.client(), input.user_id);
    if (target.id.empty()) {
        return envelope(target.failure);
    }
    okta::api_result result = session.client().delete_user(target.id, input.send_email);
    if (result.outcome_unknown) {
        // The DELETE may have deactivated the user; the same node run again
        // would then delete it for good, which DeactivateOnly never asked for.
        result.retryable = false;
        result.error_message +=
            " The DELETE may have reached Okta: check the user's status before running this node again.";
    }
    return envelope(result);
}

boost::json::object deactivate_then_delete(okta_session& session, const delete_user_input& input) {
    okta::users_client& client = session.client();
    okta::api_result user = look_up_user(client, input.user_id);
    if (!user.succeeded()) {
        return envelope(user);
    }
    const std::string id = user_field(user.body, "id");
    if (id.empty()) {
        user.status = 500;
        user.error_code = std::string(okta::error_codes::bad_response);
        user.error_message = "Okta returned a user without an id.";
        return envelope(user);
    }
    if (user_field(user.body, "status") != deprovisioned) {
        okta::api_result deactivated = client.delete_user(id, input.send_email);
        if (!deactivated.succeeded()) {
            return envelope(deactivated);
        }
    }
    return envelope(client.delete_user(id, input.send_email));
}

}  // namespace

boost::json::object delete_user(const wfn::node_call& call) {
    const delete_user_input input = read_delete_user(call.params);
    okta_session session(call, input.max_retries);
    return session.seal(input.deactivate_only ? delete_once(session, input) : deactivate_then_delete(session, input));
}

}  // namespace okta_plugin::nodes
