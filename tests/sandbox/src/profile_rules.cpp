#include "profile_rules.hpp"

#include "utf8_text.hpp"

#include <algorithm>
#include <array>
#include <string>

namespace okta_sandbox {
namespace {

// Lengths copied from the spec's UserProfile schema.
constexpr std::array<profile_attribute, 31> default_profile{{
    {"login", 5, 100, true, false, true},
    {"email", 5, 100, true, false, true},
    {"firstName", 1, 50, true, true, false},
    {"lastName", 1, 50, true, true, false},
    {"city", 0, 128, false, true, false},
    {"costCenter", 0, 0, false, true, false},
    {"countryCode", 0, 2, false, true, false},
    {"department", 0, 0, false, false, false},
    {"displayName", 0, 0, false, true, false},
    {"division", 0, 0, false, true, false},
    {"employeeNumber", 0, 0, false, false, false},
    {"honorificPrefix", 0, 0, false, true, false},
    {"honorificSuffix", 0, 0, false, true, false},
    {"locale", 0, 0, false, false, false},
    {"manager", 0, 0, false, true, false},
    {"managerId", 0, 0, false, true, false},
    {"middleName", 0, 0, false, true, false},
    {"mobilePhone", 0, 100, false, true, false},
    {"nickName", 0, 0, false, true, false},
    {"organization", 0, 0, false, true, false},
    {"postalAddress", 0, 4096, false, true, false},
    {"preferredLanguage", 0, 0, false, true, false},
    {"primaryPhone", 0, 100, false, true, false},
    {"profileUrl", 0, 0, false, true, false},
    {"secondEmail", 0, 100, false, true, true},
    {"state", 0, 128, false, true, false},
    {"streetAddress", 0, 1024, false, true, false},
    {"timezone", 0, 0, false, true, false},
    {"title", 0, 0, false, true, false},
    {"userType", 0, 0, false, true, false},
    {"zipCode", 0, 50, false, true, false},
}};

std::string count_text(std::size_t n) { return std::to_string(n); }

void check_value(const profile_attribute& attribute, const boost::json::value& value,
                 std::vector<field_problem>& problems) {
  const std::string name(attribute.name);
  if (value.is_null()) {
    if (attribute.required) {
      problems.push_back({name, "The field cannot be left blank"});
    } else if (!attribute.nullable) {
      problems.push_back({name, "The field cannot be null"});
    }
    return;
  }
  if (!value.is_string()) {
    problems.push_back({name, "Does not match required type: String"});
    return;
  }
  const std::string_view text = value.get_string();
  if (attribute.required && text.empty()) {
    problems.push_back({name, "The field cannot be left blank"});
    return;
  }
  if (has_four_byte_character(text)) {
    problems.push_back({name, "The field cannot contain 4-byte UTF-8 characters such as emoji"});
    return;
  }
  const std::size_t length = code_point_count(text);
  if (length < attribute.min_length) {
    problems.push_back({name, "The field cannot be fewer than " + count_text(attribute.min_length) + " characters"});
    return;
  }
  if (attribute.max_length != 0 && length > attribute.max_length) {
    problems.push_back({name, "The field cannot exceed " + count_text(attribute.max_length) + " characters"});
    return;
  }
  if (attribute.name == "login" && !looks_like_email(text)) {
    problems.push_back({name, "Username must be in the form of an email address"});
  } else if (attribute.email_format && !text.empty() && !looks_like_email(text)) {
    problems.push_back({name, "Does not match required pattern"});
  }
}

}  // namespace

const profile_attribute* find_profile_attribute(std::string_view name) {
  const auto found = std::find_if(default_profile.begin(), default_profile.end(),
                                  [&](const profile_attribute& a) { return a.name == name; });
  return found == default_profile.end() ? nullptr : &*found;
}

std::vector<field_problem> profile_problems(const boost::json::object& profile) {
  std::vector<field_problem> problems;
  for (const auto& attribute : default_profile) {
    if (!attribute.required) continue;
    if (const auto* value = profile.if_contains(attribute.name)) {
      check_value(attribute, *value, problems);
    } else {
      problems.push_back({std::string(attribute.name), "The field cannot be left blank"});
    }
  }
  for (const auto& [key, value] : profile) {
    const auto* attribute = find_profile_attribute(key);
    if (attribute == nullptr) {
      problems.push_back({std::string(key), "Property name '" + std::string(key) + "' is not defined in profile"});
    } else if (!attribute->required) {
      check_value(*attribute, value, problems);
    }
  }
  return problems;
}

bool looks_like_email(std::string_view text) {
  const auto at = text.find('@');
  if (at == std::string_view::npos || at == 0 || text.find('@', at + 1) != std::string_view::npos) return false;
  if (std::any_of(text.begin(), text.end(),
                  [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; })) {
    return false;
  }
  const std::string_view domain = text.substr(at + 1);
  const auto dot = domain.find('.');
  return dot != std::string_view::npos && dot != 0 && domain.back() != '.' &&
         domain.find("..") == std::string_view::npos;
}

}  // namespace okta_sandbox
