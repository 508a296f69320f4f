#pragma once
// One stored Okta group and its JSON form (components.schemas.Group).
#include "clock.hpp"

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace okta_sandbox {

enum class group_type { okta_group, app_group, built_in };

std::string_view to_string(group_type type);
std::optional<group_type> parse_group_type(std::string_view text);

struct group_record {
  std::string id;
  group_type type = group_type::okta_group;
  std::string name;
  std::string description;
  wall_clock::time_point created;
  wall_clock::time_point last_updated;
  wall_clock::time_point last_membership_updated;
  // Ids of the users placed in the group. The built-in Everyone group keeps none:
  // every user is its member by definition.
  std::set<std::string, std::less<>> member_ids;
};

// "00g" followed by 17 letters and digits, like Okta group ids.
std::string new_group_id();

boost::json::object group_json(const group_record& group, std::string_view origin);

// The value of a property path ("id", "type", "profile.name", "lastMembershipUpdated", ...)
// as search and filter expressions see it; null when the group has no such value.
boost::json::value group_property(const group_record& group, std::string_view path);

// A new group with a fresh id, made at `now`.
group_record make_group(std::string name, std::string description, group_type type, wall_clock::time_point now);

}  // namespace okta_sandbox
