#include "okta/protocol/lifecycle_rules.hpp"

#include "okta/protocol/user_targets.hpp"

#include <algorithm>
#include <array>

namespace okta_plugin::okta {
namespace {

using status_list = std::span<const std::string_view>;

constexpr std::array<std::string_view, 2> staged_or_deprovisioned{"STAGED", "DEPROVISIONED"};
constexpr std::array<std::string_view, 2> active_or_provisioned{"ACTIVE", "PROVISIONED"};
constexpr std::array<std::string_view, 7> not_deprovisioned{"STAGED",  "PROVISIONED",      "ACTIVE", "RECOVERY",
                                                            "LOCKED_OUT", "PASSWORD_EXPIRED", "SUSPENDED"};
constexpr std::array<std::string_view, 1> deprovisioned{"DEPROVISIONED"};
constexpr std::array<std::string_view, 1> active{"ACTIVE"};
constexpr std::array<std::string_view, 1> suspended{"SUSPENDED"};
constexpr std::array<std::string_view, 1> locked_out{"LOCKED_OUT"};
// A user who can sign in, or is on the way back to it, can be sent a reset
// or have the password expired.
constexpr std::array<std::string_view, 4> has_credentials{"ACTIVE", "RECOVERY", "PASSWORD_EXPIRED", "LOCKED_OUT"};
constexpr std::array<std::string_view, 1> recovery{"RECOVERY"};
constexpr std::array<std::string_view, 1> password_expired{"PASSWORD_EXPIRED"};

constexpr std::array<lifecycle_rule, 8> rules{{
    {lifecycle_step::activate, "activate", "activation", true, staged_or_deprovisioned, active_or_provisioned,
     "activationUrl", false, false},
    {lifecycle_step::deactivate, "deactivate", "deactivation", true, not_deprovisioned, deprovisioned, {}, false,
     false},
    {lifecycle_step::suspend, "suspend", "suspension", false, active, suspended, {}, false, false},
    {lifecycle_step::unsuspend, "unsuspend", "unsuspension", false, suspended, active, {}, false, false},
    {lifecycle_step::unlock, "unlock", "unlock", false, locked_out, active, {}, false, false},
    {lifecycle_step::reset_password, "reset_password", "password reset", true, has_credentials, recovery,
     "resetPasswordUrl", false, false},
    {lifecycle_step::expire_password, "expire_password", "password expiry", false, has_credentials,
     password_expired, {}, false, true},
    {lifecycle_step::expire_password_with_temp_password, "expire_password_with_temp_password",
     "password expiry with a temporary password", false, has_credentials, password_expired, "tempPassword", true,
     false},
}};

// rule_of() indexes the table by step.
static_assert([] {
    for (std::size_t i = 0; i < rules.size(); ++i) {
        if (static_cast<std::size_t>(rules[i].step) != i) {
            return false;
        }
    }
    return true;
}());

bool holds(status_list statuses, std::string_view status) noexcept {
    return std::find(statuses.begin(), statuses.end(), status) != statuses.end();
}

}  // namespace

bool lifecycle_rule::starts_from(std::string_view status) const noexcept { return holds(allowed_from, status); }

bool lifecycle_rule::leads_to(std::string_view status) const noexcept { return holds(reached, status); }

const lifecycle_rule& rule_of(lifecycle_step step) noexcept { return rules[static_cast<std::size_t>(step)]; }

std::string lifecycle_target(std::string_view user_id, const lifecycle_rule& rule, bool send_email) {
    std::string target = user_target(user_id);
    target += "/lifecycle/";
    target += rule.operation;
    if (rule.takes_send_email) {
        // Always explicit: Okta's default differs per operation (activate
        // emails unless told not to).
        target += send_email ? "?sendEmail=true" : "?sendEmail=false";
    }
    return target;
}

}  // namespace okta_plugin::okta
