// Request targets of the Groups API and of a user's groups, percent-encoded
// as user_targets.hpp encodes them.
#pragma once

#include "okta/protocol/user_targets.hpp"

#include <string>
#include <string_view>

namespace okta_plugin::okta {

inline constexpr std::string_view groups_path = "/api/v1/groups";

// GET /api/v1/groups?search=…&filter=…&q=…&after=…&limit=…, each only when set.
std::string list_groups_target(const list_query& query);

// /api/v1/groups/{groupId}
std::string group_target(std::string_view group_id);

// GET /api/v1/groups/{groupId}/users?after=…&limit=…
std::string group_members_target(std::string_view group_id, const list_query& query);

// PUT or DELETE /api/v1/groups/{groupId}/users/{userId}
std::string group_member_target(std::string_view group_id, std::string_view user_id);

// GET /api/v1/users/{id}/groups
std::string user_groups_target(std::string_view user_id, std::string_view after = {});

// profile.name eq "<name>", with " and \ escaped inside the quotes.
std::string group_name_search(std::string_view name);

// Okta's group ids: "00g" and 17 letters or digits.
bool looks_like_group_id(std::string_view group_id) noexcept;

}  // namespace okta_plugin::okta
