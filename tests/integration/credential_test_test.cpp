// Credential tests end to end: plugin_host::test_credential runs the node
// the credential type declares (okta.credentials.test) through the built
// bundle, over TLS, and each kind of mistake gets its Problem and a sentence
// that says what to fix.
#include "oauth_bench.hpp"

using namespace okta_it;

namespace {

struct credential_bench : oauth_bench {
    node_run test_credential(std::string_view type, const json::object& credentials) {
        node_run result;
        std::mutex log_mutex;
        wfn::host::run_options options;
        options.log_level = wfn::log_level::trace;
        options.log = [&](wfn::log_level, std::string_view line) {
            std::lock_guard lock(log_mutex);
            result.log.emplace_back(line);
        };
        result.output = host().test_credential(type, json::serialize(credentials), options);
        audit(result, secrets_of({}, credentials));
        audit(result, credentials_sent(requests()));
        return result;
    }

    static bool valid(const node_run& run) { return run.output.at("Valid").as_bool(); }
    static std::string problem(const node_run& run) { return std::string(run.output.at("Problem").as_string()); }
    static bool says(const node_run& run, std::string_view part) {
        return run.message().find(part) != std::string::npos;
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(credential_test, credential_bench)

BOOST_AUTO_TEST_CASE(a_working_api_token_is_valid_after_one_cheap_read) {
    const auto result = test_credential("okta.apiToken", sandbox_credentials());
    BOOST_TEST(result.status() == 200, result.message());
    BOOST_TEST(valid(result));
    BOOST_TEST(problem(result) == "");
    BOOST_TEST(result.output.at("CredentialType").as_string() == "okta.apiToken");
    BOOST_TEST(result.output.at("Org").as_string() == sandbox().base_url());
    BOOST_TEST(target_of(only_request()) == "/api/v1/users?limit=1");
}

BOOST_AUTO_TEST_CASE(a_token_okta_does_not_accept_is_token_invalid) {
    auto credentials = sandbox_credentials();
    credentials["ApiToken"] = "00revokedrevokedrevokedrevokedrevokedrev";
    const auto result = test_credential("okta.apiToken", credentials);
    BOOST_TEST(result.status() == 401);
    BOOST_TEST(!valid(result));
    BOOST_TEST(problem(result) == "token_invalid");
    BOOST_TEST(result.code() == "E0000011");
    BOOST_TEST(says(result, "Token revoked or not valid for this org"), result.message());
}

BOOST_AUTO_TEST_CASE(an_org_url_where_nothing_answers_is_wrong_org_url) {
    auto credentials = sandbox_credentials();
    credentials["Domain"] = "https://localhost:1";
    const auto result = test_credential("okta.apiToken", credentials);
    BOOST_TEST(!valid(result));
    BOOST_TEST(problem(result) == "wrong_org_url");
    BOOST_TEST(result.code() == "WFN_CONNECT_FAILED");
    BOOST_TEST(says(result, "Wrong org URL: nothing at https://localhost:1 answers"), result.message());
}

BOOST_AUTO_TEST_CASE(an_org_behind_an_untrusted_certificate_is_untrusted_certificate) {
    auto credentials = sandbox_credentials();
    credentials.erase("CaCertificate");
    const auto result = test_credential("okta.apiToken", credentials);
    BOOST_TEST(!valid(result));
    BOOST_TEST(problem(result) == "untrusted_certificate");
    BOOST_TEST(says(result, "set CaCertificate"), result.message());
}

BOOST_AUTO_TEST_CASE(a_malformed_credential_is_invalid_credential_and_nothing_is_sent) {
    auto credentials = sandbox_credentials();
    credentials["Domain"] = "http://dev-123456.okta.com";
    const auto result = test_credential("okta.apiToken", credentials);
    BOOST_TEST(result.status() == -1);
    BOOST_TEST(!valid(result));
    BOOST_TEST(problem(result) == "invalid_credential");
    BOOST_TEST(says(result, "Domain"), result.message());
    BOOST_TEST(requests().empty());
}

BOOST_AUTO_TEST_CASE(a_working_service_app_is_valid_and_a_group_only_app_reads_a_group) {
    register_app();
    auto result = test_credential("okta.oauthServiceApp", app_credentials());
    BOOST_TEST(result.status() == 200, result.message());
    BOOST_TEST(valid(result));
    BOOST_TEST(result.output.at("CredentialType").as_string() == "okta.oauthServiceApp");
    BOOST_TEST(result.output.at("Checked").as_string() == "GET /api/v1/users?limit=1");

    admin().register_service_app(client_id, key.public_jwk, {"okta.groups.read"}, false);
    auto credentials = app_credentials();
    credentials["Scopes"] = "okta.groups.read";
    result = test_credential("okta.oauthServiceApp", credentials);
    BOOST_TEST(result.status() == 200, result.message());
    BOOST_TEST(result.output.at("Checked").as_string() == "GET /api/v1/groups?limit=1");
}

BOOST_AUTO_TEST_CASE(a_service_app_without_the_users_scope_is_scope_not_granted) {
    register_app({"okta.groups.read"});
    const auto result = test_credential("okta.oauthServiceApp", app_credentials());
    BOOST_TEST(result.status() == 400);
    BOOST_TEST(problem(result) == "scope_not_granted");
    BOOST_TEST(says(result, "Scope missing: "), result.message());
    BOOST_TEST(says(result, "okta.users.read"), result.message());
    BOOST_TEST(api_requests().empty());
}

BOOST_AUTO_TEST_CASE(a_key_the_app_did_not_register_is_client_rejected) {
    register_app();
    const auto other = okta_sandbox::make_rsa_key();
    const auto result = test_credential("okta.oauthServiceApp", app_credentials(other.private_pem));
    BOOST_TEST(result.status() == 401);
    BOOST_TEST(problem(result) == "client_rejected");
    BOOST_TEST(says(result, "The service app could not sign in: "), result.message());
    BOOST_TEST(api_requests().empty());
}

BOOST_AUTO_TEST_CASE(the_host_refuses_an_unknown_type_and_a_credential_of_another_type) {
    auto result = test_credential("okta.noSuchType", sandbox_credentials());
    BOOST_TEST(result.status() == -1);
    BOOST_TEST(problem(result) == "unknown_credential_type");
    result = test_credential("okta.oauthServiceApp", [] {
        auto credentials = sandbox_credentials();
        credentials["type"] = "okta.apiToken";
        return credentials;
    }());
    BOOST_TEST(result.status() == -1);
    BOOST_TEST(problem(result) == "invalid_credential");
    BOOST_TEST(requests().empty());
}

BOOST_AUTO_TEST_SUITE_END()
