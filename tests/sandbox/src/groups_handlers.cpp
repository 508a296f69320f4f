// A group, its members, membership changes, and a user's groups:
// /api/v1/groups/{groupId}, .../users, .../users/{userId}, /api/v1/users/{id}/groups.
#include "api_call.hpp"
#include "list_paging.hpp"

#include <boost/json/array.hpp>

namespace okta_sandbox {
namespace {

constexpr std::size_t default_member_limit = 1000;
constexpr std::size_t max_member_limit = 10'000;

group_record existing_group(const api_call& call, std::string_view group_id) {
  auto group = call.state.groups.find(group_id);
  if (!group) throw okta_failure(errors::group_not_found(group_id));
  return std::move(*group);
}

user_record existing_user(const api_call& call, std::string_view id_or_login) {
  auto user = call.state.users.find(id_or_login);
  if (!user) throw okta_failure(errors::user_not_found(id_or_login));
  return std::move(*user);
}

}  // namespace

api_result get_group(const api_call& call, std::string_view group_id) {
  return {200, boost::json::value(group_json(existing_group(call, group_id), call.origin)), {}};
}

api_result change_membership(const api_call& call, std::string_view group_id, std::string_view user_id, bool add) {
  const group_record group = existing_group(call, group_id);
  const user_record user = existing_user(call, user_id);
  // App imports own APP_GROUP memberships and Okta owns Everyone's: the API may not touch either.
  if (group.type != group_type::okta_group) throw okta_failure(errors::access_denied());
  const auto now = wall_clock::now();
  const bool found = add ? call.state.groups.add_member(group.id, user.id, now)
                         : call.state.groups.remove_member(group.id, user.id, now);
  if (!found) throw okta_failure(errors::group_not_found(group_id));
  return {204, std::nullopt, {}};
}

api_result list_group_users(const api_call& call, std::string_view group_id) {
  const group_record group = existing_group(call, group_id);
  const std::size_t limit = page_limit(call, default_member_limit, max_member_limit);
  const std::string resume_after = after_id(call);

  boost::json::array page;
  std::optional<std::string> next_after;
  std::string last_id;
  const auto add = [&](const user_record& user) {
    if (page.size() == limit) {
      next_after = last_id;
      return false;
    }
    page.push_back(user_json(user, call.origin, link_detail::self_only));
    last_id = user.id;
    return true;
  };
  if (group.type == group_type::built_in) {
    call.state.users.scan(resume_after, [&](const user_record& user) { return user.org_admin || add(user); });
  } else {
    for (auto it = group.member_ids.upper_bound(resume_after); it != group.member_ids.end(); ++it) {
      const auto user = call.state.users.find(*it);
      if (user && !add(*user)) break;
    }
  }
  const std::string path = "/api/v1/groups/" + group.id + "/users";
  return {200, boost::json::value(std::move(page)), page_links(call, path, limit, next_after)};
}

api_result list_user_groups(const api_call& call, std::string_view id_or_login) {
  const user_record user = existing_user(call, id_or_login);
  const std::size_t limit = call.state.user_groups_page_size.load();
  const std::string resume_after = after_id(call);

  boost::json::array page;
  std::optional<std::string> next_after;
  std::string last_id;
  for (const auto& id : call.state.groups.groups_of(user.id)) {
    if (!resume_after.empty() && id <= resume_after) continue;
    const auto group = call.state.groups.find(id);
    if (!group) continue;
    if (page.size() == limit) {
      next_after = last_id;
      break;
    }
    page.push_back(group_json(*group, call.origin));
    last_id = id;
  }
  const std::string path = "/api/v1/users/" + user.id + "/groups";
  return {200, boost::json::value(std::move(page)), page_links(call, path, limit, next_after)};
}

}  // namespace okta_sandbox
