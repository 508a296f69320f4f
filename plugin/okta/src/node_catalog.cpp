// The node table of com.wfn.okta. Ids, names and versions here must equal
// manifests/okta (a test compares them).
#include "node_catalog.hpp"

#include "nodes/node_functions.hpp"
#include "plugin_runtime.hpp"

#include <array>

namespace okta_plugin {
namespace {

constexpr std::array<wfn::node_definition, 5> node_table{{
    {"okta.user.create", "Create a New User", 1, WFN_NODE_FLAG_SIDE_EFFECTS, &nodes::create_user},
    {"okta.user.get", "Get a User", 1, WFN_NODE_FLAG_IDEMPOTENT, &nodes::get_user},
    {"okta.user.list", "Get Many Users", 1, WFN_NODE_FLAG_IDEMPOTENT, nullptr, &nodes::list_users},
    {"okta.user.update", "Update a User", 1, WFN_NODE_FLAG_SIDE_EFFECTS | WFN_NODE_FLAG_IDEMPOTENT, &nodes::update_user},
    {"okta.user.delete", "Delete a User", 1, WFN_NODE_FLAG_SIDE_EFFECTS | WFN_NODE_FLAG_IDEMPOTENT, &nodes::delete_user},
}};

constexpr wfn::plugin_definition definition{
    "com.wfn.okta", WFN_OKTA_VERSION, node_table, &start_runtime, &stop_runtime,
};

}  // namespace

const wfn::plugin_definition& okta_plugin_definition() { return definition; }

}  // namespace okta_plugin
