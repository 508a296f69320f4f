#pragma once
// One stored Okta user and its JSON form (components.schemas.User).
#include "clock.hpp"

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace okta_sandbox {

enum class user_status { active, deprovisioned, locked_out, password_expired, provisioned, recovery, staged, suspended };

std::string_view to_string(user_status status);
std::optional<user_status> parse_user_status(std::string_view text);

struct user_record {
  std::string id;
  user_status status = user_status::staged;
  wall_clock::time_point created;
  wall_clock::time_point last_updated;
  std::optional<wall_clock::time_point> activated;
  std::optional<wall_clock::time_point> status_changed;
  std::optional<wall_clock::time_point> last_login;
  std::optional<wall_clock::time_point> password_changed;
  std::string type_id;
  boost::json::object profile;
  // The password value is never kept or echoed: Okta answers "password": {}.
  bool has_password = false;
  std::optional<std::string> recovery_question;
  std::string provider_type = "OKTA";
  std::string provider_name = "OKTA";
  std::vector<std::string> group_ids;
  // The API token's own user: reachable as "me", by id and by login, but left
  // out of listings so a test's seeded users are all a listing holds.
  bool org_admin = false;

  std::string login() const;
};

// Moves the user to a new status and stamps statusChanged (and activated when it becomes ACTIVE).
void change_status(user_record& user, user_status status, wall_clock::time_point now);

enum class link_detail {
  self_only,  // users inside a collection carry only their self link
  full,       // a single user carries the lifecycle links its status allows
};

boost::json::object user_json(const user_record& user, std::string_view origin, link_detail links);

// The value of a property path ("id", "status", "type.id", "profile.login", ...) as
// search and filter expressions see it; null when the user has no such value.
boost::json::value user_property(const user_record& user, std::string_view path);

}  // namespace okta_sandbox
