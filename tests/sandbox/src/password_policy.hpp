#pragma once
// The default Okta password policy: at least 8 characters, a lowercase letter,
// an uppercase letter, a number, and no part of the username.
#include <string>
#include <string_view>

namespace okta_sandbox {

bool meets_password_policy(std::string_view password, std::string_view login);

// The cause text Okta puts in errorCauses when the policy is not met.
std::string password_policy_cause();

}  // namespace okta_sandbox
