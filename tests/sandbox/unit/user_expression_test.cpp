#include "user_expression.hpp"

#include <boost/test/unit_test.hpp>

#include <map>

using namespace okta_sandbox;

namespace {

// A candidate user described by its property values, e.g. {{"status", "ACTIVE"}}.
class candidate {
 public:
  candidate& with(std::string property, boost::json::value value) {
    properties_[std::move(property)] = std::move(value);
    return *this;
  }

  bool found_by_search(std::string_view expression) const { return found(expression, expression_dialect::search); }
  bool found_by_filter(std::string_view expression) const { return found(expression, expression_dialect::filter); }

 private:
  bool found(std::string_view expression, expression_dialect dialect) const {
    return matches(parse_user_expression(expression, dialect), dialect, [this](std::string_view property) {
      const auto it = properties_.find(std::string(property));
      return it == properties_.end() ? boost::json::value(nullptr) : it->second;
    });
  }
  std::map<std::string, boost::json::value> properties_;
};

candidate isaac() {
  return candidate()
      .with("id", "00u1ero7vZFVEIYLWPBN")
      .with("status", "ACTIVE")
      .with("lastUpdated", "2014-06-01T10:00:00.000Z")
      .with("profile.login", "Isaac.Brock@example.com")
      .with("profile.email", "isaac.brock@example.com")
      .with("profile.firstName", "Isaac")
      .with("profile.lastName", "Brock")
      .with("profile.department", "Engineering");
}

bool search_is_refused(std::string_view expression) {
  try {
    parse_user_expression(expression, expression_dialect::search);
    return false;
  } catch (const expression_error&) {
    return true;
  }
}

bool filter_is_refused(std::string_view expression) {
  try {
    parse_user_expression(expression, expression_dialect::filter);
    return false;
  } catch (const expression_error&) {
    return true;
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(user_expression)

BOOST_AUTO_TEST_CASE(search_compares_string_values_ignoring_case) {
  BOOST_TEST(isaac().found_by_search(R"(profile.login eq "isaac.brock@EXAMPLE.com")"));
  BOOST_TEST(isaac().found_by_search(R"(status eq "active")"));
  BOOST_TEST(!isaac().found_by_search(R"(status eq "STAGED")"));
}

BOOST_AUTO_TEST_CASE(operators_and_joiners_are_not_case_sensitive) {
  BOOST_TEST(isaac().found_by_search(R"(status EQ "ACTIVE" AND profile.lastName Sw "br")"));
}

BOOST_AUTO_TEST_CASE(property_names_are_case_sensitive) {
  BOOST_TEST(search_is_refused(R"(profile.Login eq "x")"));
  BOOST_TEST(search_is_refused(R"(Status eq "ACTIVE")"));
}

BOOST_AUTO_TEST_CASE(sw_co_and_pr) {
  BOOST_TEST(isaac().found_by_search(R"(profile.firstName sw "is")"));
  BOOST_TEST(isaac().found_by_search(R"(profile.email co "BROCK@")"));
  BOOST_TEST(isaac().found_by_search("profile.department pr"));
  BOOST_TEST(!isaac().found_by_search("profile.city pr"));
}

BOOST_AUTO_TEST_CASE(co_works_only_on_names_email_and_login) {
  BOOST_TEST(search_is_refused(R"(profile.department co "ngin")"));
  BOOST_TEST(search_is_refused(R"(status co "CT")"));
}

BOOST_AUTO_TEST_CASE(ordering_operators_compare_timestamps) {
  BOOST_TEST(isaac().found_by_search(R"(lastUpdated gt "2014-01-01T00:00:00.000Z")"));
  BOOST_TEST(isaac().found_by_search(R"(lastUpdated ge "2014-06-01T10:00:00.000Z")"));
  BOOST_TEST(isaac().found_by_search(R"(lastUpdated le "2014-06-01T10:00:00.000Z")"));
  BOOST_TEST(!isaac().found_by_search(R"(lastUpdated lt "2014-01-01T00:00:00.000Z")"));
}

BOOST_AUTO_TEST_CASE(and_binds_tighter_than_or) {
  // false and false or true: true only when read as (false and false) or true.
  BOOST_TEST(isaac().found_by_search(R"(status eq "STAGED" and id eq "x" or profile.lastName eq "Brock")"));
  BOOST_TEST(!isaac().found_by_search(R"(status eq "STAGED" and (id eq "x" or profile.lastName eq "Brock"))"));
}

BOOST_AUTO_TEST_CASE(the_spec_example_with_parentheses) {
  BOOST_TEST(isaac().found_by_search(
      R"(profile.department eq "Engineering" and (created lt "2014-01-01T00:00:00.000Z" or status eq "ACTIVE"))"));
}

BOOST_AUTO_TEST_CASE(an_array_property_matches_when_any_element_does) {
  auto user = isaac().with("profile.title", boost::json::array{"Director", "Engineer"});
  BOOST_TEST(user.found_by_search(R"(profile.title eq "engineer")"));
  BOOST_TEST(!user.found_by_search(R"(profile.title eq "Janitor")"));
}

BOOST_AUTO_TEST_CASE(quoted_values_may_contain_escaped_quotes_and_operators) {
  auto user = isaac().with("profile.nickName", R"(the "and" or)");
  BOOST_TEST(user.found_by_search(R"(profile.nickName eq "the \"and\" or")"));
}

BOOST_AUTO_TEST_CASE(malformed_searches_are_refused) {
  BOOST_TEST(search_is_refused(""));
  BOOST_TEST(search_is_refused(R"(status eq "ACTIVE)"));
  BOOST_TEST(search_is_refused(R"((status eq "ACTIVE")"));
  BOOST_TEST(search_is_refused(R"(status eq "ACTIVE" status)"));
  BOOST_TEST(search_is_refused(R"(status is "ACTIVE")"));
  BOOST_TEST(search_is_refused(R"(status ne "ACTIVE")"));
  BOOST_TEST(search_is_refused(R"(not status eq "ACTIVE")"));
  BOOST_TEST(search_is_refused(R"(status eq)"));
  BOOST_TEST(search_is_refused(R"(profile.nonsense eq "x")"));
}

BOOST_AUTO_TEST_CASE(the_refusal_says_where) {
  try {
    parse_user_expression(R"(status eq "ACTIVE" status)", expression_dialect::search);
    BOOST_FAIL("expected a refusal");
  } catch (const expression_error& e) {
    BOOST_TEST(std::string(e.what()).find("position 20") != std::string::npos, e.what());
  }
}

BOOST_AUTO_TEST_CASE(filter_compares_values_exactly) {
  BOOST_TEST(isaac().found_by_filter(R"(profile.login eq "Isaac.Brock@example.com")"));
  BOOST_TEST(!isaac().found_by_filter(R"(profile.login eq "isaac.brock@example.com")"));
  BOOST_TEST(!isaac().found_by_filter(R"(status eq "active")"));
}

BOOST_AUTO_TEST_CASE(filter_takes_only_eq_except_on_last_updated) {
  BOOST_TEST(isaac().found_by_filter(R"(lastUpdated gt "2013-06-01T00:00:00.000Z" and status eq "ACTIVE")"));
  BOOST_TEST(filter_is_refused(R"(profile.login sw "isaac")"));
  BOOST_TEST(filter_is_refused(R"(profile.email co "brock")"));
  BOOST_TEST(filter_is_refused(R"(id gt "00u")"));
  BOOST_TEST(filter_is_refused("profile.login pr"));
}

BOOST_AUTO_TEST_CASE(filter_takes_only_its_seven_properties) {
  BOOST_TEST(!filter_is_refused(R"(profile.firstName eq "Isaac" or profile.lastName eq "Brock")"));
  BOOST_TEST(filter_is_refused(R"(profile.department eq "Engineering")"));
  BOOST_TEST(filter_is_refused(R"(created gt "2013-06-01T00:00:00.000Z")"));
}

BOOST_AUTO_TEST_CASE(filter_supports_the_spec_example_with_parentheses) {
  BOOST_TEST(isaac().found_by_filter(
      R"(lastUpdated gt "2013-06-01T00:00:00.000Z" and (status eq "LOCKED_OUT" or status eq "ACTIVE"))"));
}

BOOST_AUTO_TEST_SUITE_END()
