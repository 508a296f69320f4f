// okta.user.get: GET /api/v1/users/{id or login}, or a login search for "/";
// with IncludeGroups also GET /api/v1/users/{id}/groups, every page.
#include "nodes/node_functions.hpp"
#include "nodes/node_inputs.hpp"
#include "nodes/okta_session.hpp"
#include "nodes/output.hpp"

namespace okta_plugin::nodes {

boost::json::object get_user(const wfn::node_call& call) {
    const get_user_input input = read_get_user(call.params);
    okta_session session(call, "okta.user.get", input.max_retries);
    okta::call_result user = session.client().get_user(input.user_id);
    if (!user || !input.include_groups) {
        return session.seal(user_output(std::move(user)));
    }
    // The groups of the user just read, by its id: a login could have been
    // renamed in between.
    auto groups = session.groups().user_groups(okta::user_field(user->body, "id"));
    if (!groups) {
        return session.seal(envelope(groups.error()));
    }
    boost::json::object output = user_output(std::move(user));
    output["Groups"] = groups_of_type(std::move(*groups), input.group_type);
    return session.seal(std::move(output));
}

}  // namespace okta_plugin::nodes
