// The group nodes: a user's groups, groups listed and read, a group's
// members, and memberships added or removed.
#include "nodes/node_functions.hpp"
#include "nodes/node_inputs.hpp"
#include "nodes/okta_session.hpp"
#include "nodes/output.hpp"
#include "nodes/page_output.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace okta_plugin::nodes {
namespace {

boost::json::object membership_output(okta_session& session, okta::result<okta::membership_change> changed) {
    if (!changed) {
        return session.seal(envelope(changed.error()));
    }
    boost::json::object output = envelope(changed->done);
    output["GroupId"] = changed->group_id;
    output["UserId"] = changed->user_id;
    return output;
}

}  // namespace

// GET /api/v1/users/{id}/groups, every page, streamed or kept page by
// page like any ReturnAll (GroupType filters each page as it arrives).
std::string list_user_groups(const wfn::node_call& call) {
    const user_groups_input input = read_user_groups(call.params);
    okta_session session(call, "okta.user.listGroups", input.max_retries);
    page_output groups(session, "Groups", input.after);
    okta::page_sink sink = groups.sink();
    if (!input.group_type.empty()) {
        sink = [&groups, &input](const okta::listed_page& page) {
            const boost::json::array kept =
                groups_of_type(boost::json::parse(page.text).as_array(), input.group_type);
            const std::string text = boost::json::serialize(kept);
            return groups.add_page({text, kept.size(), page.next_cursor});
        };
    }
    okta::call_result listed = session.groups().list_all_user_groups(input.user_id, input.after, sink);
    return finish_listing(session, std::move(groups), std::move(listed));
}

// GET /api/v1/groups, one page or (ReturnAll) every page.
std::string list_groups(const wfn::node_call& call) {
    const list_groups_input input = read_list_groups(call.params);
    okta_session session(call, "okta.group.list", input.max_retries);
    if (!input.return_all) {
        return boost::json::serialize(session.seal(page_of("Groups", session.groups().list_groups(input.query))));
    }
    page_output groups(session, "Groups", input.query.after);
    okta::call_result listed = session.groups().list_all_groups(input.query, groups.sink());
    return finish_listing(session, std::move(groups), std::move(listed));
}

// GET /api/v1/groups/{groupId}
boost::json::object get_group(const wfn::node_call& call) {
    const get_group_input input = read_get_group(call.params);
    okta_session session(call, "okta.group.get", input.max_retries);
    return session.seal(body_output("Group", session.groups().get_group(input.group_id)));
}

// GET /api/v1/groups/{groupId}/users, one page or (ReturnAll) every page.
std::string list_group_members(const wfn::node_call& call) {
    const list_members_input input = read_list_members(call.params);
    okta_session session(call, "okta.group.listMembers", input.max_retries);
    okta::groups_client& groups = session.groups();
    if (!input.return_all) {
        return boost::json::serialize(session.seal(page_of("Users", groups.list_members(input.group_id, input.query))));
    }
    page_output users(session, "Users", input.query.after);
    okta::call_result listed = groups.list_all_members(input.group_id, input.query, users.sink());
    return finish_listing(session, std::move(users), std::move(listed));
}

// PUT /api/v1/groups/{groupId}/users/{userId}
boost::json::object add_user_to_group(const wfn::node_call& call) {
    const membership_input input = read_membership("okta.group.addUser", call.params);
    okta_session session(call, "okta.group.addUser", input.max_retries);
    return membership_output(session, session.groups().add_member(input.group, input.user_id));
}

// DELETE /api/v1/groups/{groupId}/users/{userId}
boost::json::object remove_user_from_group(const wfn::node_call& call) {
    const membership_input input = read_membership("okta.group.removeUser", call.params);
    okta_session session(call, "okta.group.removeUser", input.max_retries);
    return membership_output(session, session.groups().remove_member(input.group, input.user_id));
}

}  // namespace okta_plugin::nodes
