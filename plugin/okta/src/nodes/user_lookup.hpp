// Finding a user by id or login, the way Get, Update and Delete all need it.
#pragma once

#include "okta/users_client.hpp"

#include <string>
#include <string_view>

namespace okta_plugin::nodes {

// A login with "/" cannot be a path segment, even encoded (Okta's own note on
// getUser): such logins are looked up with a profile.login filter.
bool needs_login_filter(std::string_view id_or_login);

// GET /api/v1/users/{id or login}, or the filter lookup for a login with "/".
// On success `body` is the user object.
okta::api_result look_up_user(okta::users_client& client, std::string_view id_or_login);

// The user's id, for the calls that take one in the path: `id_or_login`
// itself unless it holds "/" (then the lookup's answer). Fails like the
// lookup when it finds nobody.
struct resolved_id {
    std::string id;
    okta::api_result failure;  // set when id is empty
};
resolved_id resolve_user_id(okta::users_client& client, std::string_view id_or_login);

// The string member `name` of a user object, or empty.
std::string user_field(const boost::json::value& user, std::string_view name);

}  // namespace okta_plugin::nodes
