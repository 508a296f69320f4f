// The node table of com.wfn.okta. Ids, names and versions here must equal
// manifests/okta (a test compares them).
#include "nodes/node_functions.hpp"
#include "nodes/runtime.hpp"

#include <array>

namespace okta_plugin::nodes {
namespace {

constexpr std::array<wfn::node_definition, 5> node_table{{
    {"okta.user.create", "Create a New User", 1, WFN_NODE_FLAG_SIDE_EFFECTS, &create_user},
    {"okta.user.get", "Get a User", 1, WFN_NODE_FLAG_IDEMPOTENT, &get_user},
    {"okta.user.list", "Get Many Users", 1, WFN_NODE_FLAG_IDEMPOTENT, nullptr, &list_users},
    {"okta.user.update", "Update a User", 1, WFN_NODE_FLAG_SIDE_EFFECTS | WFN_NODE_FLAG_IDEMPOTENT, &update_user},
    {"okta.user.delete", "Delete a User", 1, WFN_NODE_FLAG_SIDE_EFFECTS | WFN_NODE_FLAG_IDEMPOTENT, &delete_user},
}};

constexpr wfn::plugin_definition definition{
    "com.wfn.okta", WFN_OKTA_VERSION, node_table, &start_runtime, &stop_runtime,
};

}  // namespace

const wfn::plugin_definition& okta_plugin_definition() { return definition; }

}  // namespace okta_plugin::nodes
