#include "nodes/node_scopes.hpp"

#include <stdexcept>
#include <string>

namespace okta_plugin::nodes {

std::string_view scopes_of(std::string_view node_id) {
    for (const auto& row : node_scope_table) {
        if (row.node_id == node_id) {
            return row.scopes;
        }
    }
    throw std::logic_error("node " + std::string(node_id) + " has no row in node_scope_table");
}

}  // namespace okta_plugin::nodes
