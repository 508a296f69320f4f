// What each failure of a credential test is called, and that the sentence
// tells a person what to change.
#include "nodes/credential_diagnosis.hpp"

#include "okta/protocol/error_codes.hpp"

#include <boost/test/unit_test.hpp>

using okta_plugin::nodes::credential_kind;
using okta_plugin::nodes::diagnose_credential_failure;
using okta_plugin::okta::call_failure;

namespace {

constexpr std::string_view org = "https://dev-123456.okta.com";
constexpr std::string_view checked = "GET /api/v1/users?limit=1";

call_failure failure(int status, std::string code, std::string message = "Okta said no.") {
    call_failure failed;
    failed.status = status;
    failed.code = std::move(code);
    failed.message = std::move(message);
    return failed;
}

auto token(const call_failure& failed) { return diagnose_credential_failure(failed, credential_kind::api_token, org, checked); }
auto app(const call_failure& failed) { return diagnose_credential_failure(failed, credential_kind::service_app, org, checked); }

bool says(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

}  // namespace

BOOST_AUTO_TEST_SUITE(credential_diagnosis)

BOOST_AUTO_TEST_CASE(an_org_url_that_is_not_an_okta_org_is_wrong_org_url) {
    namespace codes = okta_plugin::okta::error_codes;
    for (const auto code : {codes::dns_failed, codes::connect_failed, codes::redirect_refused, codes::bad_response}) {
        BOOST_TEST_CONTEXT(code) {
            const auto diagnosis = token(failure(500, std::string(code)));
            BOOST_TEST(diagnosis.problem == "wrong_org_url");
            BOOST_TEST(says(diagnosis.explanation, "Wrong org URL: "));
            BOOST_TEST(says(diagnosis.explanation, org));
        }
    }
    const auto not_found = token(failure(404, "E0000007"));
    BOOST_TEST(not_found.problem == "wrong_org_url");
    BOOST_TEST(says(not_found.explanation, "not the -admin console address"));
}

BOOST_AUTO_TEST_CASE(a_401_is_a_token_okta_does_not_accept) {
    const auto diagnosis = token(failure(401, "E0000011", "Invalid token provided"));
    BOOST_TEST(diagnosis.problem == "token_invalid");
    BOOST_TEST(says(diagnosis.explanation, "Token revoked or not valid for this org"));
    BOOST_TEST(says(diagnosis.explanation, "(401 E0000011: Invalid token provided)"));
    BOOST_TEST(app(failure(401, "invalid_token")).problem == "token_invalid");
}

BOOST_AUTO_TEST_CASE(oauth_refusals_keep_their_explanation_under_a_plain_heading) {
    const auto rejected = app(failure(401, "invalid_client", "The key does not match."));
    BOOST_TEST(rejected.problem == "client_rejected");
    BOOST_TEST(rejected.explanation == "The service app could not sign in: The key does not match.");
    BOOST_TEST(app(failure(400, "invalid_scope")).problem == "scope_not_granted");
    const auto missing = app(failure(403, "insufficient_scope", "The app lacks okta.users.read; grant it."));
    BOOST_TEST(missing.problem == "scope_missing");
    BOOST_TEST(missing.explanation == "Scope missing: The app lacks okta.users.read; grant it.");
}

BOOST_AUTO_TEST_CASE(a_403_without_a_scope_is_a_missing_permission) {
    const auto diagnosis = token(failure(403, "E0000006", "You do not have permission"));
    BOOST_TEST(diagnosis.problem == "permission_missing");
    BOOST_TEST(says(diagnosis.explanation, "tokens act with their admin's rights"));
    BOOST_TEST(says(app(failure(403, "E0000006")).explanation, "Admin roles"));
}

BOOST_AUTO_TEST_CASE(what_cannot_be_judged_now_says_so) {
    namespace codes = okta_plugin::okta::error_codes;
    BOOST_TEST(token(failure(429, "E0000047")).problem == "rate_limited");
    BOOST_TEST(token(failure(503, "E0000009")).problem == "okta_unavailable");
    BOOST_TEST(token(failure(503, std::string(codes::bad_response))).problem == "okta_unavailable");
    BOOST_TEST(token(failure(500, std::string(codes::transport_timeout))).problem == "okta_unavailable");
    BOOST_TEST(token(failure(500, std::string(codes::cancelled))).problem == "cancelled");
    BOOST_TEST(token(failure(500, std::string(codes::tls_verify_failed))).problem == "untrusted_certificate");
    BOOST_TEST(token(failure(409, "E0000999")).problem == "unexpected_answer");
}

BOOST_AUTO_TEST_SUITE_END()
