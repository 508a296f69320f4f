// Trust and secrets: verified TLS only, the token only to the org, never in
// an output or a log line.
#include "okta_bench.hpp"

#include <cstdlib>

using namespace okta_it;

namespace {

void expect_absent(const node_run& result, const std::string& secret) {
    const auto leaks = find_leaks(result, {secret});
    BOOST_TEST(leaks.empty(), "found in: " << (leaks.empty() ? std::string() : leaks.front()));
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(security, bench)

// bench::run() audits every run of the suite with find_leaks: it must see a leak.
BOOST_AUTO_TEST_CASE(the_secret_audit_finds_a_secret_wherever_it_is) {
    node_run leaky;
    leaky.output = json::object{{"ErrorMessage", "token 00Leaky-Token-Value was refused"}};
    leaky.log = {"okta: GET /api/v1/users", "Authorization: SSWS 00Leaky-Token-Value", "-----BEGIN PRIVATE KEY-----"};
    const auto secrets = secrets_of(json::object{{"Password", "pw"}}, json::object{{"ApiToken", "00Leaky-Token-Value"}});
    const auto leaks = find_leaks(leaky, secrets);
    BOOST_TEST(leaks == (std::vector<std::string>{"log: -----BEGIN PRIVATE KEY-----", "output",
                                                  "log: Authorization: SSWS 00Leaky-Token-Value"}),
               boost::test_tools::per_element());
    BOOST_TEST(find_leaks(node_run{json::object{{"ErrorMessage", ""}}, {"okta: GET /api/v1/users -> 200"}}, secrets).empty());
}

BOOST_AUTO_TEST_CASE(a_wrong_token_is_a_401_and_never_echoed) {
    const std::string id = seeded_user();
    auto credentials = sandbox_credentials();
    credentials["ApiToken"] = "00Wrong-Token-Value-7d1f";
    const auto result = run("okta.user.get", json::object{{"UserId", id}}, credentials);
    BOOST_TEST(result.status() == 401);
    BOOST_TEST(result.code() == "E0000011");
    BOOST_TEST(!result.message().empty());
    BOOST_TEST(!result.log.empty());  // the plugin did log, just not the token
    expect_absent(result, "00Wrong-Token-Value-7d1f");
    BOOST_TEST(only_request().at("headers").at("authorization").as_string() == "SSWS 00Wrong-Token-Value-7d1f");
}

BOOST_AUTO_TEST_CASE(the_real_token_and_password_stay_out_of_outputs_and_logs) {
    const auto result = run("okta.user.create", params(R"({"UserName": "sec@example.com", "Email": "sec@example.com",
        "FirstName": "Sec", "LastName": "Ret", "Password": "Quiet-Lantern-Phrase-9"})"));
    BOOST_TEST(result.status() == 200, result.message());
    expect_absent(result, sandbox().token());
    expect_absent(result, "Quiet-Lantern-Phrase-9");
}

BOOST_AUTO_TEST_CASE(an_untrusted_certificate_is_refused_before_any_request) {
    auto credentials = sandbox_credentials();
    credentials.erase("CaCertificate");
    const auto result = run("okta.user.get", json::object{{"UserId", "00u1"}}, credentials);
    BOOST_TEST(result.status() == 500);
    BOOST_TEST(result.code() == "WFN_TLS_VERIFY_FAILED");
    BOOST_TEST(result.message().find("certificate verify failed for 127.0.0.1:" + std::to_string(sandbox().port())) !=
                   std::string::npos,
               result.message());
    BOOST_TEST(requests().empty());
}

BOOST_AUTO_TEST_CASE(a_certificate_for_another_host_is_refused) {
    // Signed by a trusted CA, but issued for other.example, not 127.0.0.1.
    okta_sandbox::process impostor({"--server-cert-hostname", "other.example"});
    const json::object credentials{{"Domain", impostor.base_url()},
                                   {"ApiToken", impostor.token()},
                                   {"CaCertificate", read_file(impostor.ca_file())}};
    const auto result = run("okta.user.list", json::object{}, credentials);
    BOOST_TEST(result.status() == 500);
    BOOST_TEST(result.code() == "WFN_TLS_VERIFY_FAILED");
    BOOST_TEST(result.message().find("mismatch") != std::string::npos, result.message());
}

// Nothing turns verification off. The names other clients use for it are
// refused as unknown parameters by the plugin, and as undeclared credential
// members by the host, which enforces the credential type's schema.
BOOST_AUTO_TEST_CASE(tls_verification_has_no_off_switch) {
    auto untrusting = sandbox_credentials();
    untrusting.erase("CaCertificate");
    for (const char* name : {"InsecureSkipVerify", "VerifyTls", "SkipTlsVerification", "RejectUnauthorized"}) {
        BOOST_TEST_CONTEXT(name) {
            auto result = run("okta.user.list", json::object{{name, true}}, untrusting);
            BOOST_TEST(result.status() == -1);
            BOOST_TEST(result.message().find(name) != std::string::npos, result.message());

            auto credentials = untrusting;
            credentials[name] = std::string_view(name) == "VerifyTls" || std::string_view(name) == "RejectUnauthorized"
                                    ? json::value(false)
                                    : json::value(true);
            // The host refuses a credential member its type does not declare.
            result = run("okta.user.list", json::object{}, credentials);
            BOOST_TEST(result.status() == -1);
            BOOST_TEST(result.message().find("Credential member " + std::string(name)) != std::string::npos,
                       result.message());
        }
    }
    BOOST_TEST(requests().empty());
}

BOOST_AUTO_TEST_CASE(redirects_are_not_followed) {
    admin().inject(json::object{{"count", 1}, {"kind", "redirect"}, {"location", "https://example.invalid/api/v1/users/x"}});
    const auto result = run("okta.user.get", json::object{{"UserId", "00u1"}});
    BOOST_TEST(result.status() == 500);
    BOOST_TEST(result.code() == "WFN_REDIRECT_REFUSED");
    BOOST_TEST(requests().size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()

// The system trust store as OpenSSL finds it, through SSL_CERT_FILE.
BOOST_FIXTURE_TEST_SUITE(system_trust, bench)

BOOST_AUTO_TEST_CASE(ssl_cert_file_is_honoured) {
    ::setenv("SSL_CERT_FILE", sandbox().ca_file().c_str(), 1);
    const std::string id = seeded_user();
    auto credentials = sandbox_credentials();
    credentials.erase("CaCertificate");
    const auto result = run("okta.user.get", json::object{{"UserId", id}}, credentials);
    ::unsetenv("SSL_CERT_FILE");
    BOOST_TEST(result.status() == 200, result.message());
}

BOOST_AUTO_TEST_SUITE_END()
