// okta.user.get: GET /api/v1/users/{id or login}, or a login search for "/";
// with IncludeGroups also GET /api/v1/users/{id}/groups, every page.
#include "nodes/node_functions.hpp"
#include "nodes/node_inputs.hpp"
#include "nodes/okta_session.hpp"
#include "nodes/output.hpp"

#include <boost/json/serialize.hpp>

namespace okta_plugin::nodes {

std::string get_user(const wfn::node_call& call) {
    const get_user_input input = read_get_user(call.params);
    okta_session session(call, "okta.user.get", input.max_retries);
    if (!input.include_groups) {
        // Okta's user goes into the output as the text it sent: the most
        // called node never builds a DOM of it.
        okta::call_result user = session.client().get_user_text(input.user_id);
        if (!user) {
            return boost::json::serialize(session.seal(envelope(user.error())));
        }
        return with_member_text(session.seal(envelope(*user)), "User", user->page_text);
    }
    okta::call_result user = session.client().get_user(input.user_id);
    if (!user) {
        return boost::json::serialize(session.seal(envelope(user.error())));
    }
    // The groups of the user just read, by its id: a login could have been
    // renamed in between.
    auto groups = session.groups().user_groups(okta::user_field(user->body, "id"));
    if (!groups) {
        return boost::json::serialize(session.seal(envelope(groups.error())));
    }
    boost::json::object output = user_output(std::move(user));
    output["Groups"] = groups_of_type(std::move(*groups), input.group_type);
    return boost::json::serialize(session.seal(std::move(output)));
}

}  // namespace okta_plugin::nodes
