#include "okta/protocol/group_targets.hpp"

namespace okta_plugin::okta {

std::string list_groups_target(const list_query& query) { return with_list_query(std::string(groups_path), query); }

std::string group_target(std::string_view group_id) {
    std::string target(groups_path);
    target += '/';
    target += encode_component(group_id);
    return target;
}

std::string group_members_target(std::string_view group_id, const list_query& query) {
    list_query paging;
    paging.after = query.after;
    paging.limit = query.limit;
    return with_list_query(group_target(group_id) + "/users", paging);
}

std::string group_member_target(std::string_view group_id, std::string_view user_id) {
    return group_target(group_id) + "/users/" + encode_component(user_id);
}

std::string user_groups_target(std::string_view user_id, std::string_view after) {
    list_query paging;
    paging.after = after;
    return with_list_query(user_target(user_id) + "/groups", paging);
}

std::string group_name_search(std::string_view name) { return equals_expression("profile.name", name); }

bool looks_like_group_id(std::string_view group_id) noexcept { return looks_like_okta_id(group_id, "00g"); }

}  // namespace okta_plugin::okta
