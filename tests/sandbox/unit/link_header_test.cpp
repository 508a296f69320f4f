#include "link_header.hpp"

#include <boost/test/unit_test.hpp>

using namespace okta_sandbox;

BOOST_AUTO_TEST_SUITE(link_header)

BOOST_AUTO_TEST_CASE(a_link_field_names_its_relation_in_quotes) {
  BOOST_TEST(link_field("https://org.example/api/v1/users?limit=2", "next") ==
             "<https://org.example/api/v1/users?limit=2>; rel=\"next\"");
}

BOOST_AUTO_TEST_CASE(page_urls_escape_everything_but_unreserved_characters) {
  const auto url = page_url("https://127.0.0.1:8443", "/api/v1/users",
                            {{"search", "profile.login eq \"a+b/c@example.com\""}, {"limit", "200"}, {"after", "+/+/YQ=="}});
  BOOST_TEST(url ==
             "https://127.0.0.1:8443/api/v1/users?search=profile.login%20eq%20%22a%2Bb%2Fc%40example.com%22"
             "&limit=200&after=%2B%2F%2B%2FYQ%3D%3D");
}

BOOST_AUTO_TEST_CASE(a_page_without_parameters_has_no_query) {
  BOOST_TEST(page_url("https://h", "/api/v1/users", {}) == "https://h/api/v1/users");
}

BOOST_AUTO_TEST_SUITE_END()
