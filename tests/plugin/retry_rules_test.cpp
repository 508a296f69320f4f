// What is retried, how long a retry backs off, and how a create whose answer
// was lost is recognised as done (README "Retry policy").
#include "okta/protocol/create_reconciler.hpp"
#include "okta/protocol/retry_rules.hpp"

#include <boost/json/parse.hpp>
#include <boost/test/unit_test.hpp>

#include <random>

using namespace okta_plugin::okta;
using namespace std::chrono_literals;
using okta_plugin::wire::failure;

BOOST_AUTO_TEST_SUITE(retry_rules)

BOOST_AUTO_TEST_CASE(rate_limits_and_temporary_server_errors_are_retryable) {
    for (int status : {429, 500, 502, 503, 504}) {
        BOOST_TEST(is_retryable_status(status), status);
    }
}

BOOST_AUTO_TEST_CASE(client_errors_and_501_are_final) {
    for (int status : {200, 204, 400, 401, 403, 404, 405, 409, 413, 501, 505}) {
        BOOST_TEST(!is_retryable_status(status), status);
    }
}

BOOST_AUTO_TEST_CASE(lost_connections_are_transient_and_configuration_problems_are_not) {
    BOOST_TEST(is_transient_failure(failure::connection_closed, true));
    BOOST_TEST(is_transient_failure(failure::connect, true));
    for (failure kind : {failure::dns, failure::tls_verify, failure::tls_handshake, failure::cancelled,
                         failure::bad_response, failure::too_large, failure::bad_trust_anchor}) {
        BOOST_TEST(!is_transient_failure(kind, true), failure_name(kind));
    }
}

BOOST_AUTO_TEST_CASE(a_timeout_is_transient_only_while_the_call_has_time_left) {
    BOOST_TEST(is_transient_failure(failure::timeout, true));
    BOOST_TEST(!is_transient_failure(failure::timeout, false));
}

BOOST_AUTO_TEST_CASE(the_backoff_ceiling_doubles_up_to_the_cap) {
    const backoff_policy policy{200ms, 5000ms};
    BOOST_TEST(backoff_ceiling(policy, 0).count() == 200);
    BOOST_TEST(backoff_ceiling(policy, 1).count() == 400);
    BOOST_TEST(backoff_ceiling(policy, 4).count() == 3200);
    BOOST_TEST(backoff_ceiling(policy, 5).count() == 5000);
    BOOST_TEST(backoff_ceiling(policy, 10).count() == 5000);
}

BOOST_AUTO_TEST_CASE(full_jitter_spreads_over_zero_to_the_ceiling) {
    std::mt19937 random(42);
    bool low = false;
    bool high = false;
    for (int i = 0; i < 1000; ++i) {
        const auto pause = full_jitter(400ms, random);
        BOOST_TEST_REQUIRE((pause >= 0ms && pause <= 400ms));
        low = low || pause < 100ms;
        high = high || pause > 300ms;
    }
    BOOST_TEST(low);
    BOOST_TEST(high);
}

namespace {

const boost::json::object sent = boost::json::parse(R"({"login": "Ada@Example.com", "email": "ada@example.com",
    "firstName": "Ada", "lastName": "Lovelace"})").as_object();

}  // namespace

BOOST_AUTO_TEST_CASE(the_user_found_is_ours_when_every_field_sent_matches) {
    const auto user = boost::json::parse(R"({"id": "00u1", "status": "ACTIVE", "profile": {"login": "ada@example.com",
        "email": "ada@example.com", "firstName": "Ada", "lastName": "Lovelace", "mobilePhone": null}})");
    BOOST_TEST(profile_matches(sent, user));
}

BOOST_AUTO_TEST_CASE(the_user_found_is_someone_else_when_a_field_differs_or_is_missing) {
    const auto other = boost::json::parse(R"({"profile": {"login": "ada@example.com", "email": "ada@example.com",
        "firstName": "Augusta", "lastName": "Lovelace"}})");
    BOOST_TEST(!profile_matches(sent, other));
    const auto partial = boost::json::parse(R"({"profile": {"login": "ada@example.com", "email": "ada@example.com",
        "firstName": "Ada"}})");
    BOOST_TEST(!profile_matches(sent, partial));
    BOOST_TEST(!profile_matches(sent, boost::json::parse(R"({"id": "00u1"})")));
    BOOST_TEST(!profile_matches(sent, boost::json::parse("[]")));
}

BOOST_AUTO_TEST_SUITE_END()
