// POST /api/v1/users/{id}/lifecycle/{activate|deactivate|suspend|unsuspend|unlock}.
#include "api_call.hpp"
#include "identifiers.hpp"

#include <algorithm>
#include <array>

namespace okta_sandbox {
namespace {

constexpr std::array<std::string_view, 5> operations{"activate", "deactivate", "suspend", "unsuspend", "unlock"};

// Moves the user on, or refuses the way Okta does for the user's current status.
void apply(user_record& user, std::string_view operation, wall_clock::time_point now) {
  const auto require = [&](bool allowed) {
    if (!allowed) throw okta_failure(errors::wrong_lifecycle_status());
  };
  if (operation == "activate") {
    if (user.status == user_status::active) throw okta_failure(errors::already_active());
    require(user.status == user_status::staged || user.status == user_status::deprovisioned);
    // Without a password the user must finish activation through the emailed link.
    change_status(user, user.has_password ? user_status::active : user_status::provisioned, now);
  } else if (operation == "deactivate") {
    require(user.status != user_status::deprovisioned);
    change_status(user, user_status::deprovisioned, now);
  } else if (operation == "suspend") {
    require(user.status == user_status::active);
    change_status(user, user_status::suspended, now);
  } else if (operation == "unsuspend") {
    require(user.status == user_status::suspended);
    change_status(user, user_status::active, now);
  } else if (operation == "unlock") {
    require(user.status == user_status::locked_out);
    change_status(user, user_status::active, now);
  }
}

}  // namespace

bool is_lifecycle_operation(std::string_view operation) {
  return std::find(operations.begin(), operations.end(), operation) != operations.end();
}

api_result run_lifecycle(const api_call& call, std::string_view id_or_login, std::string_view operation) {
  // activate sends its email unless told not to; the others default to no email.
  const bool send_email = call.query_flag("sendEmail", operation == "activate");
  call.state.users.modify(id_or_login, [&](user_record& user) {
    apply(user, operation, wall_clock::now());
    return user_store::after_change::keep;
  });
  boost::json::object answer;
  if (operation == "activate" && !send_email) {
    // UserActivationToken: handed back instead of emailed.
    const std::string token = random_alphanumeric(20);
    answer["activationToken"] = token;
    answer["activationUrl"] = call.origin + "/tokens/" + token + "/verify";
  }
  return {200, boost::json::value(std::move(answer)), {}};
}

}  // namespace okta_sandbox
