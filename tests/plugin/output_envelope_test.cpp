// The output envelope hands retries back to the engine (README "Retry
// policy"): Retryable on every answer, RateLimitReset with a 429.
#include "nodes/output.hpp"

#include <boost/test/unit_test.hpp>

using okta_plugin::nodes::envelope;
using okta_plugin::okta::answer;
using okta_plugin::okta::call_failure;

BOOST_AUTO_TEST_SUITE(output_envelope)

BOOST_AUTO_TEST_CASE(a_429_is_retryable_and_says_when_the_window_resets) {
    call_failure limited;
    limited.status = 429;
    limited.code = "E0000047";
    limited.message = "API call exceeded rate limit due to too many requests.";
    limited.retryable = true;
    limited.rate_limit_reset = 1700000000;
    const auto output = envelope(limited);
    BOOST_TEST(output.at("StatusCode").as_int64() == 429);
    BOOST_TEST(output.at("Retryable").as_bool());
    BOOST_TEST(output.at("RateLimitReset").as_string() == "2023-11-14T22:13:20Z");
}

BOOST_AUTO_TEST_CASE(a_validation_error_is_not_retryable_and_has_no_reset) {
    call_failure refused;
    refused.status = 400;
    refused.code = "E0000001";
    refused.message = "Api validation failed: login";
    const auto output = envelope(refused);
    BOOST_TEST(!output.at("Retryable").as_bool());
    BOOST_TEST(!output.contains("RateLimitReset"));
}

BOOST_AUTO_TEST_CASE(a_success_is_not_retryable) {
    answer done;
    done.status = 200;
    const auto output = envelope(done);
    BOOST_TEST(output.at("ErrorMessage").as_string() == "");
    BOOST_TEST(!output.at("Retryable").as_bool());
}

BOOST_AUTO_TEST_SUITE_END()
