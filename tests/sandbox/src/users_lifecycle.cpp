// POST /api/v1/users/{id}/lifecycle/{activate|deactivate|suspend|unsuspend|unlock|
// reset_password|expire_password|expire_password_with_temp_password}.
//
// The spec gives these operations no error for a wrong starting status; the
// refusals follow Okta's error-code list: 403 E0000016 for activating an ACTIVE
// user, 403 E0000038 for any other operation the status does not allow.
#include "api_call.hpp"
#include "identifiers.hpp"

#include <algorithm>
#include <array>

namespace okta_sandbox {
namespace {

constexpr std::array<std::string_view, 8> operations{"activate",       "deactivate",
                                                     "suspend",        "unsuspend",
                                                     "unlock",         "reset_password",
                                                     "expire_password", "expire_password_with_temp_password"};

// The statuses whose users carry a resetPassword or expirePassword link (see user_record.cpp).
bool may_reset_password(user_status status) {
  return status == user_status::active || status == user_status::provisioned ||
         status == user_status::password_expired || status == user_status::recovery ||
         status == user_status::locked_out;
}

bool may_expire_password(user_status status) {
  return status == user_status::active || status == user_status::password_expired || status == user_status::recovery;
}

// Satisfies the sandbox's password policy: upper and lower case letters and a digit.
std::string temporary_password() { return "Tmp" + random_alphanumeric(9) + "7q"; }

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
  } else if (operation == "reset_password") {
    require(may_reset_password(user.status));
    change_status(user, user_status::recovery, now);
  } else {
    // expire_password and expire_password_with_temp_password
    require(may_expire_password(user.status) && user.has_password);
    change_status(user, user_status::password_expired, now);
  }
}

}  // namespace

bool is_lifecycle_operation(std::string_view operation) {
  return std::find(operations.begin(), operations.end(), operation) != operations.end();
}

api_result run_lifecycle(const api_call& call, std::string_view id_or_login, std::string_view operation) {
  // activate and reset_password send their email unless told not to; the others default to no email.
  const bool send_email = call.query_flag("sendEmail", operation == "activate" || operation == "reset_password");
  call.query_flag("revokeSessions", false);
  const bool temp_password = operation == "expire_password_with_temp_password";
  std::string password;
  const auto changed = call.state.users.modify(id_or_login, [&](user_record& user) {
    const auto now = wall_clock::now();
    apply(user, operation, now);
    if (temp_password) {
      password = temporary_password();
      user.password_changed = now;
    }
    return user_store::after_change::keep;
  });
  if (operation == "expire_password") {
    return {200, boost::json::value(user_json(*changed, call.origin, link_detail::full)), {}};
  }
  boost::json::object answer;
  if (temp_password) answer["tempPassword"] = password;  // the spec's tempPassword schema
  if (operation == "activate" && !send_email) {
    // UserActivationToken: handed back instead of emailed.
    const std::string token = random_alphanumeric(20);
    answer["activationToken"] = token;
    answer["activationUrl"] = call.origin + "/tokens/" + token + "/verify";
  }
  if (operation == "reset_password" && !send_email) {
    // ResetPasswordToken, shaped like the spec's example URL.
    answer["resetPasswordUrl"] = call.origin + "/signin/reset-password/" + random_alphanumeric(20);
  }
  return {200, boost::json::value(std::move(answer)), {}};
}

}  // namespace okta_sandbox
