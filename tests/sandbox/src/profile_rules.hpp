#pragma once
// The default Okta user profile schema (components.schemas.UserProfile in the
// spec) and the checks Okta runs on a profile before storing it.
#include "okta_error.hpp"

#include <boost/json/object.hpp>

#include <cstddef>
#include <string_view>
#include <vector>

namespace okta_sandbox {

struct profile_attribute {
  std::string_view name;
  std::size_t min_length = 0;
  std::size_t max_length = 0;  // 0: no limit
  bool required = false;       // the org's default schema requires these four
  bool nullable = true;
  bool email_format = false;
};

// Null when the name is not an attribute of the default profile schema.
const profile_attribute* find_profile_attribute(std::string_view name);

// Every problem with a complete profile, in the order Okta reports them
// (required fields first). Empty when the profile can be stored.
std::vector<field_problem> profile_problems(const boost::json::object& profile);

// RFC 5322-ish address check: one "@", a non-empty local part, a dotted domain, no spaces.
bool looks_like_email(std::string_view text);

}  // namespace okta_sandbox
