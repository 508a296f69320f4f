#include "nodes/node_inputs.hpp"

#include <array>
#include <stdexcept>

namespace okta_plugin::nodes {
namespace {

struct lifecycle_node {
    std::string_view id;
    okta::lifecycle_step step;
    // The boolean parameter beside UserId, if any: SendEmail or TempPassword.
    std::string_view flag;
};

constexpr std::array<lifecycle_node, 7> lifecycle_nodes{{
    {"okta.user.activate", okta::lifecycle_step::activate, "SendEmail"},
    {"okta.user.deactivate", okta::lifecycle_step::deactivate, "SendEmail"},
    {"okta.user.suspend", okta::lifecycle_step::suspend, {}},
    {"okta.user.unsuspend", okta::lifecycle_step::unsuspend, {}},
    {"okta.user.unlock", okta::lifecycle_step::unlock, {}},
    {"okta.user.resetPassword", okta::lifecycle_step::reset_password, "SendEmail"},
    {"okta.user.expirePassword", okta::lifecycle_step::expire_password, "TempPassword"},
}};

const lifecycle_node& node_named(std::string_view node_id) {
    for (const auto& node : lifecycle_nodes) {
        if (node.id == node_id) {
            return node;
        }
    }
    throw std::invalid_argument("no lifecycle node is called " + std::string(node_id));
}

}  // namespace

bool is_lifecycle_node(std::string_view node_id) noexcept {
    for (const auto& node : lifecycle_nodes) {
        if (node.id == node_id) {
            return true;
        }
    }
    return false;
}

lifecycle_input read_lifecycle(std::string_view node_id, const boost::json::object& params) {
    const lifecycle_node& node = node_named(node_id);
    const param_reader reader =
        node.flag.empty() ? param_reader(params, node.id, {"UserId", "MaxRetries"})
                          : param_reader(params, node.id, {"UserId", node.flag, "MaxRetries"});
    lifecycle_input input;
    input.step = node.step;
    input.user_id = read_user_id(reader);
    if (node.flag == "SendEmail") {
        input.send_email = reader.optional_bool("SendEmail", false);
    } else if (node.flag == "TempPassword" && reader.optional_bool("TempPassword", false)) {
        input.step = okta::lifecycle_step::expire_password_with_temp_password;
    }
    input.max_retries = read_max_retries(reader);
    return input;
}

}  // namespace okta_plugin::nodes
