// Link header parsing (RFC 8288) as Okta's pagination needs it.
#include "okta/protocol/link_header.hpp"

#include <boost/test/unit_test.hpp>

using okta_plugin::okta::after_cursor_of;
using okta_plugin::okta::find_next_link;
using okta_plugin::okta::parse_link_field;

namespace {

constexpr std::string_view self_link = R"(<https://dev-1.okta.com/api/v1/users?after=000self&limit=2>; rel="self")";
constexpr std::string_view next_link = R"(<https://dev-1.okta.com/api/v1/users?after=000next&limit=2>; rel="next")";

std::optional<std::string> next_of(std::initializer_list<std::string_view> fields) {
    return find_next_link(std::vector<std::string_view>(fields));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(link_header)

BOOST_AUTO_TEST_CASE(next_link_in_its_own_field) {
    BOOST_TEST(next_of({self_link, next_link}).value() == "https://dev-1.okta.com/api/v1/users?after=000next&limit=2");
}

BOOST_AUTO_TEST_CASE(self_link_with_a_cursor_is_never_taken_for_next) {
    // The trap: the first "after=" in the header is the self one.
    const auto next = next_of({self_link, next_link});
    BOOST_TEST(after_cursor_of(*next).value() == "000next");
}

BOOST_AUTO_TEST_CASE(only_a_self_link_means_the_last_page) {
    BOOST_TEST(!next_of({self_link}).has_value());
    BOOST_TEST(!next_of({}).has_value());
}

BOOST_AUTO_TEST_CASE(comma_joined_fields) {
    const std::string joined = std::string(self_link) + ", " + std::string(next_link);
    BOOST_TEST(after_cursor_of(next_of({joined}).value()).value() == "000next");
}

BOOST_AUTO_TEST_CASE(reversed_order) {
    const std::string joined = std::string(next_link) + "," + std::string(self_link);
    BOOST_TEST(after_cursor_of(next_of({joined}).value()).value() == "000next");
    BOOST_TEST(after_cursor_of(next_of({next_link, self_link}).value()).value() == "000next");
}

BOOST_AUTO_TEST_CASE(unquoted_and_upper_case_rel) {
    BOOST_TEST(next_of({"<https://h/api/v1/users?after=a>; REL=Next"}).value() == "https://h/api/v1/users?after=a");
}

BOOST_AUTO_TEST_CASE(rel_with_several_relation_types) {
    BOOST_TEST(next_of({R"(<https://h/p?after=b>; rel="last next")"}).value() == "https://h/p?after=b");
}

BOOST_AUTO_TEST_CASE(other_parameters_and_quoted_commas_do_not_confuse) {
    const auto links = parse_link_field(
        R"(<https://h/a>; title="a, \"quoted\" title"; rel="self", <https://h/b?x=1,2>; type=text/html; rel="next")");
    BOOST_TEST_REQUIRE(links.size() == 2u);
    BOOST_TEST(links[0].relations == std::vector<std::string>{"self"});
    BOOST_TEST(links[1].target == "https://h/b?x=1,2");
    BOOST_TEST(links[1].relations == std::vector<std::string>{"next"});
}

BOOST_AUTO_TEST_CASE(only_the_first_rel_parameter_counts) {
    BOOST_TEST(!next_of({R"(<https://h/a>; rel="self"; rel="next")"}).has_value());
}

BOOST_AUTO_TEST_CASE(malformed_link_values_are_skipped_not_guessed) {
    // No <...>, an unterminated quote, garbage between params: each is dropped,
    // and a well-formed next link after them still counts.
    BOOST_TEST(!next_of({R"(https://h/a?after=x; rel="next")"}).has_value());
    BOOST_TEST(!next_of({R"(<https://h/a?after=x>; rel="next)"}).has_value());
    BOOST_TEST(!next_of({R"(<https://h/a?after=x> junk; rel="next")"}).has_value());
    BOOST_TEST(!next_of({R"(<https://h/a?after=x)"}).has_value());
    BOOST_TEST(next_of({R"(garbage, <https://h/b?after=y>; rel="next")"}).value() == "https://h/b?after=y");
    BOOST_TEST(parse_link_field("").empty());
    BOOST_TEST(parse_link_field(",,, ,").empty());
}

BOOST_AUTO_TEST_CASE(cursor_is_percent_decoded) {
    BOOST_TEST(after_cursor_of("https://h/api/v1/users?limit=2&after=a%2Fb%3Dc").value() == "a/b=c");
    BOOST_TEST(!after_cursor_of("https://h/api/v1/users?limit=2").has_value());
}

BOOST_AUTO_TEST_SUITE_END()
