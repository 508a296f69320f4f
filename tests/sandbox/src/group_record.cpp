#include "group_record.hpp"

#include "identifiers.hpp"

#include <boost/json/array.hpp>

#include <array>
#include <utility>

namespace okta_sandbox {
namespace {

constexpr std::array<std::pair<group_type, std::string_view>, 3> type_names{{
    {group_type::okta_group, "OKTA_GROUP"},
    {group_type::app_group, "APP_GROUP"},
    {group_type::built_in, "BUILT_IN"},
}};

boost::json::object href(const std::string& url) { return {{"href", url}}; }

}  // namespace

std::string_view to_string(group_type type) {
  for (const auto& [value, name] : type_names) {
    if (value == type) return name;
  }
  return "OKTA_GROUP";
}

std::optional<group_type> parse_group_type(std::string_view text) {
  for (const auto& [value, name] : type_names) {
    if (name == text) return value;
  }
  return std::nullopt;
}

std::string new_group_id() { return "00g" + random_alphanumeric(17); }

boost::json::object group_json(const group_record& group, std::string_view origin) {
  const std::string self = std::string(origin) + "/api/v1/groups/" + group.id;
  boost::json::array logos{
      boost::json::object{{"name", "medium"}, {"href", std::string(origin) + "/img/logos/groups/okta-medium.png"},
                          {"type", "image/png"}},
      boost::json::object{{"name", "large"}, {"href", std::string(origin) + "/img/logos/groups/okta-large.png"},
                          {"type", "image/png"}}};
  boost::json::object links{{"logo", std::move(logos)},
                            {"users", href(self + "/users")},
                            {"apps", href(self + "/apps")},
                            {"self", href(self)}};
  return {{"id", group.id},
          {"created", iso8601_millis(group.created)},
          {"lastUpdated", iso8601_millis(group.last_updated)},
          {"lastMembershipUpdated", iso8601_millis(group.last_membership_updated)},
          {"objectClass", boost::json::array{"okta:user_group"}},
          {"type", to_string(group.type)},
          {"profile", boost::json::object{{"name", group.name}, {"description", group.description}}},
          {"_links", std::move(links)}};
}

boost::json::value group_property(const group_record& group, std::string_view path) {
  if (path == "id") return boost::json::value(group.id);
  if (path == "type") return boost::json::value(to_string(group.type));
  if (path == "profile.name") return boost::json::value(group.name);
  if (path == "profile.description") return boost::json::value(group.description);
  if (path == "created") return boost::json::value(iso8601_millis(group.created));
  if (path == "lastUpdated") return boost::json::value(iso8601_millis(group.last_updated));
  if (path == "lastMembershipUpdated") return boost::json::value(iso8601_millis(group.last_membership_updated));
  return nullptr;
}

group_record make_group(std::string name, std::string description, group_type type, wall_clock::time_point now) {
  group_record group;
  group.id = new_group_id();
  group.type = type;
  group.name = std::move(name);
  group.description = std::move(description);
  group.created = now;
  group.last_updated = now;
  group.last_membership_updated = now;
  return group;
}

}  // namespace okta_sandbox
