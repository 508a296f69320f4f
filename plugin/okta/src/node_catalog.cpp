// The node table of com.wfn.okta. Ids, names and versions here must equal
// manifests/okta (a test compares them).
#include "node_catalog.hpp"

#include "nodes/node_functions.hpp"
#include "plugin_runtime.hpp"

#include <array>

namespace okta_plugin {
namespace {

constexpr auto reads = WFN_NODE_FLAG_IDEMPOTENT;
constexpr auto changes = WFN_NODE_FLAG_SIDE_EFFECTS;
constexpr auto converging_changes = WFN_NODE_FLAG_SIDE_EFFECTS | WFN_NODE_FLAG_IDEMPOTENT;

constexpr std::array<wfn::node_definition, 19> node_table{{
    {"okta.user.create", "Create a New User", 1, changes, &nodes::create_user},
    {"okta.user.get", "Get a User", 1, reads, nullptr, &nodes::get_user},
    {"okta.user.list", "Get Many Users", 1, reads, nullptr, &nodes::list_users},
    {"okta.user.update", "Update a User", 1, converging_changes, &nodes::update_user},
    {"okta.user.delete", "Delete a User", 1, converging_changes, &nodes::delete_user},
    {"okta.user.activate", "Activate a User", 1, changes, &nodes::activate_user},
    {"okta.user.deactivate", "Deactivate a User", 1, changes, &nodes::deactivate_user},
    {"okta.user.suspend", "Suspend a User", 1, changes, &nodes::suspend_user},
    {"okta.user.unsuspend", "Unsuspend a User", 1, changes, &nodes::unsuspend_user},
    {"okta.user.unlock", "Unlock a User", 1, changes, &nodes::unlock_user},
    {"okta.user.resetPassword", "Reset a User's Password", 1, changes, &nodes::reset_password},
    {"okta.user.expirePassword", "Expire a User's Password", 1, changes, &nodes::expire_password},
    {"okta.user.listGroups", "Get a User's Groups", 1, reads, nullptr, &nodes::list_user_groups},
    {"okta.group.list", "Get Many Groups", 1, reads, nullptr, &nodes::list_groups},
    {"okta.group.get", "Get a Group", 1, reads, &nodes::get_group},
    {"okta.group.listMembers", "Get a Group's Members", 1, reads, nullptr, &nodes::list_group_members},
    {"okta.group.addUser", "Add a User to a Group", 1, converging_changes, &nodes::add_user_to_group},
    {"okta.group.removeUser", "Remove a User from a Group", 1, converging_changes, &nodes::remove_user_from_group},
    {"okta.credentials.test", "Test Okta Credentials", 1, reads, &nodes::test_credentials},
}};

constexpr wfn::plugin_definition definition{
    "com.wfn.okta", WFN_OKTA_VERSION, node_table, &start_runtime, &stop_runtime,
};

}  // namespace

const wfn::plugin_definition& okta_plugin_definition() { return definition; }

}  // namespace okta_plugin
