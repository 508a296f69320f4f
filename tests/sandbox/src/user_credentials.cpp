#include "user_credentials.hpp"

#include "password_policy.hpp"
#include "utf8_text.hpp"

#include <array>
#include <algorithm>

namespace okta_sandbox {
namespace {

constexpr std::array<std::string_view, 6> provider_types{"ACTIVE_DIRECTORY", "FEDERATION", "IMPORT",
                                                         "LDAP",             "OKTA",       "SOCIAL"};

const boost::json::object* object_member(const boost::json::object& parent, std::string_view name) {
  const auto* value = parent.if_contains(name);
  if (value == nullptr || value->is_null()) return nullptr;
  if (!value->is_object()) throw okta_failure(errors::malformed_body());
  return &value->get_object();
}

std::optional<std::string> string_member(const boost::json::object& parent, std::string_view name) {
  const auto* value = parent.if_contains(name);
  if (value == nullptr || value->is_null()) return std::nullopt;
  if (!value->is_string()) throw okta_failure(errors::malformed_body());
  return std::string(value->get_string());
}

}  // namespace

credentials_input read_credentials(const boost::json::object& body, std::vector<field_problem>& problems) {
  credentials_input input;
  const auto* credentials = object_member(body, "credentials");
  if (credentials == nullptr) return input;
  if (const auto* password = object_member(*credentials, "password")) {
    input.password_value = string_member(*password, "value");
    input.password_imported = object_member(*password, "hash") != nullptr || object_member(*password, "hook") != nullptr;
  }
  if (const auto* recovery = object_member(*credentials, "recovery_question")) {
    input.recovery_question = string_member(*recovery, "question");
    const auto answer = string_member(*recovery, "answer");
    if (!input.recovery_question || !answer || answer->empty()) {
      problems.push_back({"recovery_question", "The security question and answer must both be given"});
    }
  }
  if (const auto* provider = object_member(*credentials, "provider")) {
    input.provider_type = string_member(*provider, "type");
    input.provider_name = string_member(*provider, "name");
    if (input.provider_type &&
        std::find(provider_types.begin(), provider_types.end(), *input.provider_type) == provider_types.end()) {
      problems.push_back({"provider", "Does not match required pattern"});
    }
  }
  return input;
}

void check_password(const credentials_input& credentials, std::string_view login, std::vector<field_problem>& problems) {
  if (!credentials.password_value) return;
  if (has_four_byte_character(*credentials.password_value) || !meets_password_policy(*credentials.password_value, login)) {
    problems.push_back({"password", password_policy_cause()});
  }
}

}  // namespace okta_sandbox
