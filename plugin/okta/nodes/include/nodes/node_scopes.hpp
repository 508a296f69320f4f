// The OAuth scopes each node needs, which a service app's token is asked
// for when its credentials name no Scopes. Each node manifest declares the
// same in "scopes" (a test compares them); a new node adds its row here.
#pragma once

#include <array>
#include <string_view>

namespace okta_plugin::nodes {

namespace scopes {
inline constexpr std::string_view users_read = "okta.users.read";
inline constexpr std::string_view users_manage = "okta.users.manage";
inline constexpr std::string_view groups_read = "okta.groups.read";
inline constexpr std::string_view groups_manage = "okta.groups.manage";
}  // namespace scopes

struct node_scope {
    std::string_view node_id;
    std::string_view scopes;  // space-separated, sorted
};

// A membership change also reads the user a login names (okta.users.read);
// okta.groups.manage covers finding a group by name.
inline constexpr std::string_view membership = "okta.groups.manage okta.users.read";

inline constexpr std::array<node_scope, 19> node_scope_table{{
    {"okta.user.create", scopes::users_manage},
    {"okta.user.get", scopes::users_read},
    {"okta.user.list", scopes::users_read},
    {"okta.user.update", scopes::users_manage},
    {"okta.user.delete", scopes::users_manage},
    {"okta.user.activate", scopes::users_manage},
    {"okta.user.deactivate", scopes::users_manage},
    {"okta.user.suspend", scopes::users_manage},
    {"okta.user.unsuspend", scopes::users_manage},
    {"okta.user.unlock", scopes::users_manage},
    {"okta.user.resetPassword", scopes::users_manage},
    {"okta.user.expirePassword", scopes::users_manage},
    {"okta.user.listGroups", scopes::users_read},
    {"okta.group.list", scopes::groups_read},
    {"okta.group.get", scopes::groups_read},
    {"okta.group.listMembers", scopes::groups_read},
    {"okta.group.addUser", membership},
    {"okta.group.removeUser", membership},
    // A credential test reads one user (or, for a group-only app, one group).
    {"okta.credentials.test", scopes::users_read},
}};

// The scopes of `node_id`; throws std::logic_error for a node without a row.
std::string_view scopes_of(std::string_view node_id);

}  // namespace okta_plugin::nodes
