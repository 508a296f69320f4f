// Okta's text rules: UTF-8 of at most 3 bytes per character, lengths in
// characters, no control characters in identifiers.
#include "nodes/text_rules.hpp"

#include <boost/test/unit_test.hpp>

using namespace okta_plugin::nodes;

namespace {
constexpr text_rule name_rule{1, 50, false, false};
constexpr text_rule email_rule{5, 100, false, true};
}  // namespace

BOOST_AUTO_TEST_SUITE(text_rules)

BOOST_AUTO_TEST_CASE(plain_and_accented_text_passes) {
    BOOST_TEST(!text_problem("Jane", name_rule).has_value());
    BOOST_TEST(!text_problem("Zoë Ångström", name_rule).has_value());
    BOOST_TEST(!text_problem("山田", name_rule).has_value());  // 3-byte characters are fine
}

BOOST_AUTO_TEST_CASE(lengths_are_counted_in_characters) {
    BOOST_TEST(!text_problem(std::string(50, 'a'), name_rule).has_value());
    BOOST_TEST(text_problem(std::string(51, 'a'), name_rule).value() == "must be 1 to 50 characters long (it has 51)");
    // 50 two-byte characters are 100 bytes but 50 characters.
    std::string accented;
    for (int i = 0; i < 50; ++i) {
        accented += "é";
    }
    BOOST_TEST(!text_problem(accented, name_rule).has_value());
    BOOST_TEST(count_characters(accented) == 50u);
}

BOOST_AUTO_TEST_CASE(empty_is_refused) { BOOST_TEST(text_problem("", name_rule).value() == "is empty"); }

BOOST_AUTO_TEST_CASE(four_byte_characters_are_refused) {
    BOOST_TEST(text_problem("Jane 😀", name_rule).value().find("4-byte") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(invalid_utf8_is_refused) {
    BOOST_TEST(text_problem("\xC3", name_rule).value().find("not valid UTF-8") != std::string::npos);
    BOOST_TEST(text_problem("\xC0\xAF", name_rule).value().find("not valid UTF-8") != std::string::npos);  // overlong
    BOOST_TEST(text_problem("\xED\xA0\x80", name_rule).value().find("not valid UTF-8") != std::string::npos);  // surrogate
    BOOST_TEST(text_problem("\xFF", name_rule).value().find("not valid UTF-8") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(control_characters_are_refused_unless_free_text) {
    BOOST_TEST(text_problem("Jane\r\nDoe", name_rule).value().find("control character") != std::string::npos);
    BOOST_TEST(text_problem(std::string("a\0b", 3), name_rule).value().find("control character") != std::string::npos);
    BOOST_TEST(!text_problem("1 Main St\nSpringfield", text_rule{0, 100, true, false}).has_value());
}

BOOST_AUTO_TEST_CASE(email_shape) {
    BOOST_TEST(!text_problem("jane.doe+okta@example.com", email_rule).has_value());
    BOOST_TEST(!text_problem("zoë@exämple.com", email_rule).has_value());
    for (std::string_view bad : {"jane.doe", "jane@", "@example.com", "jane@example", "jane@@example.com",
                                 "jane doe@example.com", "jane@example..com", "jane@.example.com"}) {
        BOOST_TEST_CONTEXT(bad) { BOOST_TEST(text_problem(bad, email_rule).has_value()); }
    }
}

BOOST_AUTO_TEST_SUITE_END()
