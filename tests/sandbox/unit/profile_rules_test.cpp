#include "profile_rules.hpp"

#include <boost/test/unit_test.hpp>

#include <algorithm>

using namespace okta_sandbox;

namespace {

boost::json::object valid_profile() {
  return {{"login", "isaac.brock@example.com"},
          {"email", "isaac.brock@example.com"},
          {"firstName", "Isaac"},
          {"lastName", "Brock"}};
}

bool has_problem(const std::vector<field_problem>& problems, std::string_view field, std::string_view text_part) {
  return std::any_of(problems.begin(), problems.end(), [&](const field_problem& p) {
    return p.field == field && p.text.find(text_part) != std::string::npos;
  });
}

}  // namespace

BOOST_AUTO_TEST_SUITE(profile_rules)

BOOST_AUTO_TEST_CASE(a_complete_profile_has_no_problems) { BOOST_TEST(profile_problems(valid_profile()).empty()); }

BOOST_AUTO_TEST_CASE(login_email_first_and_last_name_are_required) {
  const auto problems = profile_problems({});
  BOOST_TEST(problems.size() == 4U);
  for (const char* field : {"login", "email", "firstName", "lastName"}) {
    BOOST_TEST(has_problem(problems, field, "cannot be left blank"), field);
  }
  BOOST_TEST(problems.front().field == "login");
}

BOOST_AUTO_TEST_CASE(the_login_must_look_like_an_email_address) {
  auto profile = valid_profile();
  profile["login"] = "isaac.brock";
  BOOST_TEST(has_problem(profile_problems(profile), "login", "form of an email address"));
}

BOOST_AUTO_TEST_CASE(lengths_follow_the_spec) {
  auto profile = valid_profile();
  profile["firstName"] = std::string(51, 'a');
  profile["login"] = "a@b.c";  // 5 characters: the minimum
  profile["email"] = std::string(95, 'e') + "@x.io";  // 100 characters: the maximum
  const auto problems = profile_problems(profile);
  BOOST_TEST(problems.size() == 1U);
  BOOST_TEST(has_problem(problems, "firstName", "cannot exceed 50"));
}

BOOST_AUTO_TEST_CASE(lengths_count_characters_not_bytes) {
  auto profile = valid_profile();
  profile["firstName"] = "\xC3\xA9";  // é: one character, two bytes
  profile["lastName"] = std::string(50 / 2 * 2, 'x');
  BOOST_TEST(profile_problems(profile).empty());
}

BOOST_AUTO_TEST_CASE(four_byte_characters_are_refused) {
  auto profile = valid_profile();
  profile["firstName"] = "Isaac \xF0\x9F\x98\x80";  // an emoji
  BOOST_TEST(has_problem(profile_problems(profile), "firstName", "4-byte"));
}

BOOST_AUTO_TEST_CASE(properties_outside_the_schema_are_refused) {
  auto profile = valid_profile();
  profile["favouriteColour"] = "green";
  BOOST_TEST(has_problem(profile_problems(profile), "favouriteColour", "not defined in profile"));
}

BOOST_AUTO_TEST_CASE(optional_attributes_are_checked_when_present) {
  auto profile = valid_profile();
  profile["countryCode"] = "USA";
  profile["secondEmail"] = "not-an-address";
  profile["department"] = nullptr;
  const auto problems = profile_problems(profile);
  BOOST_TEST(has_problem(problems, "countryCode", "cannot exceed 2"));
  BOOST_TEST(has_problem(problems, "secondEmail", "required pattern"));
  BOOST_TEST(has_problem(problems, "department", "cannot be null"));
}

BOOST_AUTO_TEST_CASE(email_addresses_need_a_local_part_and_a_dotted_domain) {
  BOOST_TEST(looks_like_email("a@b.co"));
  BOOST_TEST(!looks_like_email("@b.co"));
  BOOST_TEST(!looks_like_email("a@b"));
  BOOST_TEST(!looks_like_email("a@@b.co"));
  BOOST_TEST(!looks_like_email("a b@c.co"));
}

BOOST_AUTO_TEST_SUITE_END()
