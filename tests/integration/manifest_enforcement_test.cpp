// The host checks parameters and credentials against the Okta manifests
// before execute(): a near-miss key is refused with a suggestion, and
// nothing reaches the sandbox.
#include "okta_bench.hpp"

using namespace okta_it;

BOOST_FIXTURE_TEST_SUITE(manifest_enforcement, bench)

BOOST_AUTO_TEST_CASE(a_misspelt_parameter_is_refused_with_the_near_miss) {
    const auto result = run("okta.user.get", json::object{{"UserId", "00u1"}, {"UserID", "00u1"}});
    BOOST_TEST(result.status() == -1);
    BOOST_TEST(result.message() ==
               "Parameter UserID is not one okta.user.get declares (additionalProperties: false); did you mean `UserId`?");
    BOOST_TEST(requests().empty());
}

BOOST_AUTO_TEST_CASE(a_misspelt_credential_member_is_refused_with_the_near_miss) {
    json::object credentials = sandbox_credentials();
    credentials["domain"] = credentials.at("Domain");
    const auto result = run("okta.user.get", json::object{{"UserId", "00u1"}}, credentials);
    BOOST_TEST(result.status() == -1);
    BOOST_TEST(result.message() == "Credential member domain is not part of a okta.apiToken credential "
                                   "(additionalProperties: false); did you mean `Domain`?");
    BOOST_TEST(requests().empty());
}

BOOST_AUTO_TEST_CASE(a_credential_type_the_node_does_not_accept_is_refused) {
    json::object credentials = sandbox_credentials();
    credentials["type"] = "okta.apiTokn";
    const auto result = run("okta.user.get", json::object{{"UserId", "00u1"}}, credentials);
    BOOST_TEST(result.status() == -1);
    BOOST_TEST(result.message() == "Credential type okta.apiTokn is not one okta.user.get accepts; it accepts "
                                   "okta.apiToken, okta.oauthServiceApp; did you mean `okta.apiToken`?");
    BOOST_TEST(requests().empty());
}

BOOST_AUTO_TEST_SUITE_END()
