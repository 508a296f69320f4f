// Okta's error bodies become ErrorCode and ErrorMessage.
#include "okta/protocol/okta_error.hpp"

#include <boost/json/parse.hpp>
#include <boost/test/unit_test.hpp>

using okta_plugin::okta::parse_okta_error;

BOOST_AUTO_TEST_SUITE(okta_errors)

BOOST_AUTO_TEST_CASE(summary_then_each_cause) {
    const auto error = parse_okta_error(boost::json::parse(R"({
        "errorCode": "E0000001", "errorSummary": "Api validation failed: login",
        "errorLink": "E0000001", "errorId": "oaeXyz",
        "errorCauses": [{"errorSummary": "login: An object with this field already exists in the current organization"},
                        {"errorSummary": "email: Does not match required pattern"}]})"));
    BOOST_TEST_REQUIRE(error.has_value());
    BOOST_TEST(error->code == "E0000001");
    BOOST_TEST(error->message ==
               "Api validation failed: login (login: An object with this field already exists in the current "
               "organization; email: Does not match required pattern)");
}

BOOST_AUTO_TEST_CASE(no_causes_is_just_the_summary) {
    const auto error = parse_okta_error(boost::json::parse(
        R"json({"errorCode": "E0000007", "errorSummary": "Not found: Resource not found: x (User)", "errorCauses": []})json"));
    BOOST_TEST(error->code == "E0000007");
    BOOST_TEST(error->message == "Not found: Resource not found: x (User)");
}

BOOST_AUTO_TEST_CASE(invalid_token) {
    const auto error = parse_okta_error(
        boost::json::parse(R"({"errorCode": "E0000011", "errorSummary": "Invalid token provided"})"));
    BOOST_TEST(error->code == "E0000011");
    BOOST_TEST(error->message == "Invalid token provided");
}

BOOST_AUTO_TEST_CASE(a_cause_repeating_the_summary_is_not_doubled) {
    const auto error = parse_okta_error(boost::json::parse(
        R"({"errorCode": "E0000003", "errorSummary": "The request body was not well-formed.",
            "errorCauses": [{"errorSummary": "The request body was not well-formed."}]})"));
    BOOST_TEST(error->message == "The request body was not well-formed.");
}

BOOST_AUTO_TEST_CASE(odd_causes_are_ignored) {
    const auto error = parse_okta_error(boost::json::parse(
        R"({"errorCode": "E0000001", "errorSummary": "S", "errorCauses": [1, {"x": 2}, {"errorSummary": "c"}]})"));
    BOOST_TEST(error->message == "S (c)");
}

BOOST_AUTO_TEST_CASE(a_code_without_summary_still_says_something) {
    const auto error = parse_okta_error(boost::json::parse(R"({"errorCode": "E0000047"})"));
    BOOST_TEST(error->message == "Okta error E0000047");
}

BOOST_AUTO_TEST_CASE(bodies_that_are_not_okta_errors) {
    BOOST_TEST(!parse_okta_error(boost::json::parse(R"({"id": "00u1"})")).has_value());
    BOOST_TEST(!parse_okta_error(boost::json::parse(R"([1, 2])")).has_value());
    BOOST_TEST(!parse_okta_error(boost::json::value()).has_value());
    BOOST_TEST(!parse_okta_error(boost::json::parse(R"({"errorCode": 5})")).has_value());
}

BOOST_AUTO_TEST_SUITE_END()
