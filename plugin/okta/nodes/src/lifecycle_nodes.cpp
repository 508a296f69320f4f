// The lifecycle nodes: POST /api/v1/users/{id}/lifecycle/{operation}. Each
// answers the user after the change; activation, a reset and a temporary
// password also hand over the one-time secret Okta returns, and only in the
// output.
#include "nodes/node_functions.hpp"
#include "nodes/node_inputs.hpp"
#include "nodes/okta_session.hpp"
#include "nodes/output.hpp"

namespace okta_plugin::nodes {
namespace {

// The output member that carries the operation's secret.
std::string_view secret_output(okta::lifecycle_step step) {
    switch (step) {
        case okta::lifecycle_step::activate: return "ActivationUrl";
        case okta::lifecycle_step::reset_password: return "ResetPasswordUrl";
        case okta::lifecycle_step::expire_password_with_temp_password: return "TempPassword";
        default: return {};
    }
}

boost::json::object run_lifecycle(std::string_view node_id, const wfn::node_call& call) {
    const lifecycle_input input = read_lifecycle(node_id, call.params);
    okta_session session(call, node_id, input.max_retries);
    auto changed = session.client().change_lifecycle(input.user_id, input.step, input.send_email);
    if (!changed) {
        boost::json::object output = envelope(changed.error());
        output["Reconciled"] = false;
        return session.seal(std::move(output));
    }
    const okta::lifecycle_rule& rule = okta::rule_of(input.step);
    boost::json::object output;
    if (changed->read_back_failure) {
        // The change was made: say so, and hand over what it produced.
        okta::call_failure failure = *changed->read_back_failure;
        failure.message = "Okta carried out the " + std::string(rule.noun) +
                          ", but reading the user afterwards failed: " + failure.message;
        failure.retryable = false;
        output = envelope(failure);
        output["User"] = nullptr;
    } else {
        output = envelope(changed->user);
        output["User"] = std::move(changed->user.body);
    }
    output["Reconciled"] = changed->user.reconciled;
    if (rule.hands_over_secret(input.send_email)) {
        output[secret_output(input.step)] = changed->secret.reveal();
    }
    return session.seal(std::move(output));
}

}  // namespace

boost::json::object activate_user(const wfn::node_call& call) { return run_lifecycle("okta.user.activate", call); }
boost::json::object deactivate_user(const wfn::node_call& call) { return run_lifecycle("okta.user.deactivate", call); }
boost::json::object suspend_user(const wfn::node_call& call) { return run_lifecycle("okta.user.suspend", call); }
boost::json::object unsuspend_user(const wfn::node_call& call) { return run_lifecycle("okta.user.unsuspend", call); }
boost::json::object unlock_user(const wfn::node_call& call) { return run_lifecycle("okta.user.unlock", call); }
boost::json::object reset_password(const wfn::node_call& call) {
    return run_lifecycle("okta.user.resetPassword", call);
}
boost::json::object expire_password(const wfn::node_call& call) {
    return run_lifecycle("okta.user.expirePassword", call);
}

}  // namespace okta_plugin::nodes
