#include "nodes/user_lookup.hpp"

#include "okta/error_codes.hpp"

namespace okta_plugin::nodes {

bool needs_login_filter(std::string_view id_or_login) { return id_or_login.find('/') != std::string_view::npos; }

okta::api_result look_up_user(okta::users_client& client, std::string_view id_or_login) {
    return needs_login_filter(id_or_login) ? client.find_user_by_login(id_or_login) : client.get_user(id_or_login);
}

std::string user_field(const boost::json::value& user, std::string_view name) {
    const auto* object = user.if_object();
    if (object == nullptr) {
        return {};
    }
    const auto* field = object->if_contains(name);
    return field != nullptr && field->is_string() ? std::string(field->as_string()) : std::string();
}

resolved_id resolve_user_id(okta::users_client& client, std::string_view id_or_login) {
    if (!needs_login_filter(id_or_login)) {
        return {std::string(id_or_login), {}};
    }
    okta::api_result found = client.find_user_by_login(id_or_login);
    if (!found.succeeded()) {
        return {{}, std::move(found)};
    }
    std::string id = user_field(found.body, "id");
    if (id.empty()) {
        found.status = 500;
        found.error_code = std::string(okta::error_codes::bad_response);
        found.error_message = "Okta returned a user without an id.";
        return {{}, std::move(found)};
    }
    return {std::move(id), {}};
}

}  // namespace okta_plugin::nodes
