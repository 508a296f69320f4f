// The Domain credential: which org URLs are accepted, and how they are read.
#include "okta/protocol/org_address.hpp"

#include <boost/test/unit_test.hpp>

using okta_plugin::okta::invalid_setting;
using okta_plugin::okta::parse_org_domain;
using okta_plugin::okta::same_origin;

namespace {

// The refusal message for `domain`, or "" if it was accepted.
std::string refusal(std::string_view domain) {
    try {
        parse_org_domain(domain);
        return {};
    } catch (const invalid_setting& error) {
        return error.what();
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(domain)

BOOST_AUTO_TEST_CASE(okta_hosted_orgs_are_accepted) {
    for (std::string_view domain : {"https://dev-123456.okta.com", "https://acme.oktapreview.com",
                                    "https://acme.okta-emea.com", "https://dev-123456.okta.com/"}) {
        BOOST_TEST_CONTEXT(domain) { BOOST_TEST(refusal(domain).empty()); }
    }
}

BOOST_AUTO_TEST_CASE(custom_domains_ports_and_addresses_are_accepted) {
    BOOST_TEST(parse_org_domain("https://login.example.com").origin == "https://login.example.com");
    BOOST_TEST(parse_org_domain("https://127.0.0.1:8443").origin == "https://127.0.0.1:8443");
    BOOST_TEST(parse_org_domain("https://[::1]:8443").origin == "https://[::1]:8443");
    BOOST_TEST(parse_org_domain("https://[::1]:8443").host == "::1");
}

BOOST_AUTO_TEST_CASE(host_is_lower_cased_and_port_defaults_to_443) {
    const auto org = parse_org_domain("HTTPS://Dev-1.OKTA.com");
    BOOST_TEST(org.host == "dev-1.okta.com");
    BOOST_TEST(org.port == 443);
    BOOST_TEST(org.origin == "https://dev-1.okta.com");
}

BOOST_AUTO_TEST_CASE(plain_http_is_refused) {
    BOOST_TEST(refusal("http://dev-1.okta.com").find("must start with https://") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_missing_scheme_is_refused) {
    BOOST_TEST(!refusal("dev-1.okta.com").empty());
}

BOOST_AUTO_TEST_CASE(paths_queries_and_fragments_are_refused) {
    BOOST_TEST(refusal("https://dev-1.okta.com/api/v1").find("without a path") != std::string::npos);
    BOOST_TEST(refusal("https://dev-1.okta.com/oauth2/default").find("without a path") != std::string::npos);
    BOOST_TEST(refusal("https://dev-1.okta.com?x=1").find("without a query") != std::string::npos);
    BOOST_TEST(refusal("https://dev-1.okta.com#top").find("without a query") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(credentials_in_the_url_are_refused) {
    BOOST_TEST(refusal("https://admin:secret@dev-1.okta.com").find("user name or password") != std::string::npos);
    BOOST_TEST(refusal("https://admin:secret@dev-1.okta.com").find("secret") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(control_characters_are_refused) {
    BOOST_TEST(refusal("https://dev-1.okta.com\r\nX-Injected: 1").find("control character") != std::string::npos);
    BOOST_TEST(refusal("https://dev-1.okta.com\n").find("control character") != std::string::npos);
    BOOST_TEST(refusal(" https://dev-1.okta.com").find("space") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(percent_encoded_hosts_are_refused_before_they_are_decoded) {
    // Decoded, this host would carry CR LF into the Host header and SNI.
    BOOST_TEST(refusal("https://dev%0d%0a.okta.com").find("percent-encoded host") != std::string::npos);
    BOOST_TEST(refusal("https://dev%2D1.okta.com").find("percent-encoded host") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_admin_console_address_is_refused_with_the_right_one) {
    const std::string message = refusal("https://dev-1-admin.okta.com");
    BOOST_TEST(message.find("https://dev-1.okta.com") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(empty_and_hostless_values_are_refused) {
    BOOST_TEST(refusal("").find("is empty") != std::string::npos);
    BOOST_TEST(!refusal("https://").empty());
    BOOST_TEST(!refusal("https://dev-1.okta.com:0").empty());
}

BOOST_AUTO_TEST_CASE(every_refusal_names_the_domain_field) {
    for (std::string_view domain : {"", "http://x.okta.com", "https://x.okta.com/a", "https://u:p@x.okta.com"}) {
        BOOST_TEST_CONTEXT(domain) { BOOST_TEST(refusal(domain).rfind("Domain ", 0) == 0); }
    }
}

BOOST_AUTO_TEST_CASE(same_origin_compares_scheme_host_and_port) {
    const auto org = parse_org_domain("https://dev-1.okta.com");
    BOOST_TEST(same_origin(org, "https://dev-1.okta.com/api/v1/users?after=x"));
    BOOST_TEST(same_origin(org, "https://DEV-1.okta.com:443/api/v1/users"));
    BOOST_TEST(!same_origin(org, "http://dev-1.okta.com/api/v1/users"));
    BOOST_TEST(!same_origin(org, "https://dev-1.okta.com:8443/api/v1/users"));
    BOOST_TEST(!same_origin(org, "https://evil.example/api/v1/users"));
    BOOST_TEST(!same_origin(org, "https://dev-1.okta.com.evil.example/api/v1/users"));
    BOOST_TEST(!same_origin(org, "https://dev-1.okta.com@evil.example/api/v1/users"));
    BOOST_TEST(!same_origin(org, "/api/v1/users?after=x"));
}

BOOST_AUTO_TEST_SUITE_END()
