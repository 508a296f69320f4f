// Okta's Groups API as the nodes need it: groups read and listed, their
// members, a user's groups, and memberships changed. A group is named by id
// or by its exact name; a user by id or login, resolved as users_client
// resolves it. Never throws for I/O.
#pragma once

#include "okta/client/page_walker.hpp"
#include "okta/client/request_pipeline.hpp"
#include "okta/client/users_client.hpp"
#include "okta/protocol/call_result.hpp"
#include "okta/protocol/user_targets.hpp"

#include <boost/json/array.hpp>

#include <string>
#include <string_view>

namespace okta_plugin::okta {

// Exactly one of the two is set (the nodes check it).
struct group_reference {
    std::string id;
    std::string name;
};

// A membership change done, with the ids the references resolved to.
struct membership_change {
    answer done;
    std::string group_id;
    std::string user_id;
};

class groups_client {
public:
    // Both must outlive the client.
    groups_client(request_pipeline& pipeline, users_client& users) : pipeline_(pipeline), users_(users) {}

    // On success `body` is the group object.
    call_result get_group(std::string_view group_id);
    // One page; `body` is its array of groups.
    call_result list_groups(const list_query& query);
    call_result list_all_groups(const list_query& query, const page_sink& sink, listing_limits limits = {});
    // One page of a group's members (`body`: users); only limit and after count.
    call_result list_members(std::string_view group_id, const list_query& query);
    call_result list_all_members(std::string_view group_id, const list_query& query, const page_sink& sink,
                                 listing_limits limits = {});
    // Every group the user is in (Okta's Everyone included), every page
    // read. The user is an id or a login.
    result<boost::json::array> user_groups(std::string_view id_or_login);
    // The same pages, from `after` on, handed to `sink` one at a time.
    call_result list_all_user_groups(std::string_view id_or_login, std::string_view after, const page_sink& sink);

    // The group's id: `reference.id`, or the one group whose profile.name is
    // `reference.name` (Okta's 404 when none, 409 WFN_GROUP_NAME_AMBIGUOUS
    // naming the ids when several).
    result<std::string> resolve_group(const group_reference& reference);

    // PUT / DELETE /api/v1/groups/{groupId}/users/{userId}; Okta answers 204
    // whether or not the user was a member already.
    result<membership_change> add_member(const group_reference& group, std::string_view user_id_or_login);
    result<membership_change> remove_member(const group_reference& group, std::string_view user_id_or_login);

private:
    result<membership_change> change_membership(wire::method verb, const group_reference& group, std::string_view user);

    request_pipeline& pipeline_;
    users_client& users_;
};

}  // namespace okta_plugin::okta
