#pragma once
// Builds many users at once for POST /__sandbox/seed.
#include "user_record.hpp"

#include <boost/json/object.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace okta_sandbox {

struct seed_request {
  std::size_t count = 0;
  std::string prefix = "seed";
  user_status status = user_status::active;
  std::size_t first_number = 1;     // logins are <prefix><n>@example.com from here on
  boost::json::object extra_profile;  // merged into every profile (e.g. {"department": "Sales"})
};

// Throws std::invalid_argument naming the bad member.
seed_request parse_seed_request(const boost::json::object& body);

// Users <prefix><n>@example.com with first name <Prefix>, last name User<n>, a
// password, and creation times one millisecond apart in login order.
std::vector<user_record> build_seed_users(const seed_request& request, const std::string& type_id,
                                          wall_clock::time_point now);

}  // namespace okta_sandbox
