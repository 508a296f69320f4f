// validate_params: every node's parameter reader, by node id.
#include "nodes/node_inputs.hpp"

#include <stdexcept>

namespace okta_plugin::nodes {

void validate_params(std::string_view node_id, const boost::json::object& params) {
    if (node_id == "okta.user.create") {
        read_create_user(params);
    } else if (node_id == "okta.user.get") {
        read_get_user(params);
    } else if (node_id == "okta.user.list") {
        read_list_users(params);
    } else if (node_id == "okta.user.update") {
        read_update_user(params);
    } else if (node_id == "okta.user.delete") {
        read_delete_user(params);
    } else if (is_lifecycle_node(node_id)) {
        read_lifecycle(node_id, params);
    } else if (node_id == "okta.user.listGroups") {
        read_user_groups(params);
    } else if (node_id == "okta.group.list") {
        read_list_groups(params);
    } else if (node_id == "okta.group.get") {
        read_get_group(params);
    } else if (node_id == "okta.group.listMembers") {
        read_list_members(params);
    } else if (node_id == "okta.group.addUser" || node_id == "okta.group.removeUser") {
        read_membership(node_id, params);
    } else if (node_id == "okta.credentials.test") {
        read_credential_test(params);
    } else {
        throw std::invalid_argument("no Okta node is called " + std::string(node_id));
    }
}

}  // namespace okta_plugin::nodes
