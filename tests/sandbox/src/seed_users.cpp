#include "seed_users.hpp"

#include "identifiers.hpp"
#include "profile_rules.hpp"

#include <cctype>
#include <stdexcept>

namespace okta_sandbox {
namespace {

constexpr std::size_t max_seed_count = 1'000'000;

std::size_t count_member(const boost::json::object& body, std::string_view name, std::size_t fallback) {
  const auto* value = body.if_contains(name);
  if (value == nullptr) return fallback;
  if (const auto* n = value->if_int64(); n != nullptr && *n >= 0 && static_cast<std::size_t>(*n) <= max_seed_count) {
    return static_cast<std::size_t>(*n);
  }
  throw std::invalid_argument("\"" + std::string(name) + "\" must be a whole number from 0 to " +
                              std::to_string(max_seed_count));
}

}  // namespace

seed_request parse_seed_request(const boost::json::object& body) {
  seed_request request;
  request.count = count_member(body, "count", 0);
  request.first_number = count_member(body, "start", 1);
  if (const auto* prefix = body.if_contains("prefix")) {
    if (!prefix->is_string() || prefix->get_string().empty()) throw std::invalid_argument("\"prefix\" must be a non-empty string");
    request.prefix = std::string(prefix->get_string());
  }
  if (const auto* status = body.if_contains("status")) {
    const auto parsed = status->is_string() ? parse_user_status(status->get_string()) : std::nullopt;
    if (!parsed) throw std::invalid_argument("\"status\" must be one of Okta's user statuses, e.g. \"ACTIVE\"");
    request.status = *parsed;
  }
  if (const auto* profile = body.if_contains("profile")) {
    if (!profile->is_object()) throw std::invalid_argument("\"profile\" must be an object");
    for (const auto& [name, value] : profile->get_object()) {
      if (find_profile_attribute(name) == nullptr) {
        throw std::invalid_argument("\"profile\": '" + std::string(name) + "' is not an attribute of the default profile");
      }
    }
    request.extra_profile = profile->get_object();
  }
  return request;
}

std::vector<user_record> build_seed_users(const seed_request& request, const std::string& type_id,
                                          wall_clock::time_point now) {
  std::string first_name = request.prefix;
  first_name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(first_name[0])));
  std::vector<user_record> users;
  users.reserve(request.count);
  for (std::size_t i = 0; i < request.count; ++i) {
    const std::size_t number = request.first_number + i;
    const std::string login = request.prefix + std::to_string(number) + "@example.com";
    const auto created = now - std::chrono::milliseconds(request.count - i);
    user_record user;
    user.id = new_user_id();
    user.created = created;
    user.last_updated = created;
    user.type_id = type_id;
    user.profile = {{"login", login},
                    {"email", login},
                    {"firstName", first_name},
                    {"lastName", "User" + std::to_string(number)}};
    for (const auto& [name, value] : request.extra_profile) user.profile[name] = value;
    user.has_password = true;
    user.password_changed = created;
    if (request.status != user_status::staged) change_status(user, request.status, created);
    users.push_back(std::move(user));
  }
  return users;
}

}  // namespace okta_sandbox
