#pragma once
// The `credentials` member of create and update requests (UserCredentialsWritable).
#include "okta_error.hpp"

#include <boost/json/object.hpp>

#include <optional>
#include <string>
#include <vector>

namespace okta_sandbox {

struct credentials_input {
  std::optional<std::string> password_value;  // checked against the password policy
  bool password_imported = false;             // a hash or a password hook: set, not checked
  std::optional<std::string> recovery_question;
  std::optional<std::string> provider_type;
  std::optional<std::string> provider_name;

  bool sets_password() const { return password_value.has_value() || password_imported; }
};

// Reads body["credentials"]; a member of the wrong JSON type is 400 E0000003.
// Problems Okta reports as validation errors are appended to `problems`.
credentials_input read_credentials(const boost::json::object& body, std::vector<field_problem>& problems);

// Adds the password-policy problem when the new password does not meet it.
void check_password(const credentials_input& credentials, std::string_view login, std::vector<field_problem>& problems);

}  // namespace okta_sandbox
