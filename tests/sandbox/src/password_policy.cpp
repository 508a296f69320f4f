#include "password_policy.hpp"

#include "utf8_text.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

namespace okta_sandbox {
namespace {

bool is_letter_or_digit(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// Okta splits the username on delimiters (".", "-", "_", "@" and the like) and
// refuses passwords that contain any piece of three characters or more. Only the
// part before "@" counts, as the domain is shared by the whole organisation.
std::vector<std::string_view> username_parts(std::string_view login) {
  const auto at = login.find('@');
  const std::string_view local = login.substr(0, at);
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= local.size(); ++i) {
    if (i == local.size() || !is_letter_or_digit(local[i])) {
      if (i - start >= 3) parts.push_back(local.substr(start, i - start));
      start = i + 1;
    }
  }
  return parts;
}

}  // namespace

bool meets_password_policy(std::string_view password, std::string_view login) {
  const auto has = [&](int (*test)(int)) {
    return std::any_of(password.begin(), password.end(),
                       [test](char c) { return test(static_cast<unsigned char>(c)) != 0; });
  };
  if (code_point_count(password) < 8) return false;
  if (!has(::islower) || !has(::isupper) || !has(::isdigit)) return false;
  const auto parts = username_parts(login);
  return std::none_of(parts.begin(), parts.end(),
                      [&](std::string_view part) { return icontains_ascii(password, part); });
}

std::string password_policy_cause() {
  return "Password requirements were not met. Password requirements: at least 8 characters, a lowercase letter, "
         "an uppercase letter, a number, no parts of your username.";
}

}  // namespace okta_sandbox
