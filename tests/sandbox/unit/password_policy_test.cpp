#include "password_policy.hpp"

#include <boost/test/unit_test.hpp>

using namespace okta_sandbox;

BOOST_AUTO_TEST_SUITE(password_policy)

constexpr const char* login = "isaac.brock@example.com";

BOOST_AUTO_TEST_CASE(a_password_with_all_classes_and_eight_characters_passes) {
  BOOST_TEST(meets_password_policy("tlpWENT2m", login));
  BOOST_TEST(meets_password_policy("Abcdefg1", login));
}

BOOST_AUTO_TEST_CASE(seven_characters_are_too_few) { BOOST_TEST(!meets_password_policy("Abcdef1", login)); }

BOOST_AUTO_TEST_CASE(each_character_class_is_required) {
  BOOST_TEST(!meets_password_policy("abcdefg1", login));   // no uppercase
  BOOST_TEST(!meets_password_policy("ABCDEFG1", login));   // no lowercase
  BOOST_TEST(!meets_password_policy("Abcdefgh", login));   // no digit
}

BOOST_AUTO_TEST_CASE(no_part_of_the_username_in_any_case) {
  BOOST_TEST(!meets_password_policy("Isaac2024x", login));
  BOOST_TEST(!meets_password_policy("xxBROCKxx1", login));
}

BOOST_AUTO_TEST_CASE(the_email_domain_is_not_part_of_the_username) {
  BOOST_TEST(meets_password_policy("Example2024", login));
}

BOOST_AUTO_TEST_CASE(username_pieces_shorter_than_three_characters_do_not_count) {
  BOOST_TEST(meets_password_policy("Abcdefg1jo", "jo.x@example.com"));
}

BOOST_AUTO_TEST_CASE(the_cause_text_lists_the_requirements) {
  BOOST_TEST(password_policy_cause().find("at least 8 characters") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
