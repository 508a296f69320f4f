#include "nodes/credential_diagnosis.hpp"

#include "okta/protocol/error_codes.hpp"

namespace okta_plugin::nodes {
namespace {

namespace problems = credential_problems;
namespace codes = okta::error_codes;

std::string what_okta_said(const okta::call_failure& failure) {
    return " (" + std::to_string(failure.status) + (failure.code.empty() ? "" : " " + failure.code) + ": " +
           failure.message + ")";
}

credential_diagnosis transport_diagnosis(const okta::call_failure& failure, std::string_view org) {
    const std::string domain(org);
    if (failure.code == codes::dns_failed) {
        return {problems::wrong_org_url,
                "Wrong org URL: " + domain + " does not resolve. Check Domain: it is your org's address, such as "
                "https://dev-123456.okta.com. " + failure.message};
    }
    if (failure.code == codes::connect_failed || failure.code == codes::redirect_refused) {
        return {problems::wrong_org_url, "Wrong org URL: nothing at " + domain +
                                             " answers as an Okta org. Check Domain. " + failure.message};
    }
    if (failure.code == codes::tls_verify_failed || failure.code == codes::tls_handshake_failed ||
        failure.code == codes::bad_ca_certificate) {
        return {problems::untrusted_certificate,
                "The server at " + domain + " could not be verified as that host over TLS: if a TLS-inspecting "
                "proxy or a private CA stands between this machine and Okta, set CaCertificate; otherwise check "
                "Domain. " + failure.message};
    }
    if (failure.code == codes::bad_response) {
        return {problems::wrong_org_url, "Wrong org URL: " + domain +
                                             " answered, but not as Okta's API does. Check Domain (the org URL, "
                                             "not the -admin console address). " + failure.message};
    }
    if (failure.code == codes::cancelled) {
        return {problems::cancelled, "The credential test was cancelled before it finished."};
    }
    return {problems::okta_unavailable, "The credential could not be checked now, since no usable answer came "
                                        "from " + domain + ": try again later. " + failure.message};
}

}  // namespace

credential_diagnosis diagnose_credential_failure(const okta::call_failure& failure, credential_kind kind,
                                                 std::string_view org, std::string_view checked) {
    const bool service_app = kind == credential_kind::service_app;
    if (failure.code == "invalid_client" || failure.code == "unauthorized_client") {
        return {problems::client_rejected, "The service app could not sign in: " + failure.message};
    }
    if (failure.code == "invalid_scope") {
        return {problems::scope_not_granted, "Scope missing: " + failure.message};
    }
    if (failure.code == "insufficient_scope") {
        return {problems::scope_missing, "Scope missing: " + failure.message};
    }
    if (failure.status == 401) {
        std::string explanation =
            service_app ? "Okta refused the service app's access token, even a freshly issued one: check that the "
                          "app belongs to this org and is active."
                        : "Token revoked or not valid for this org: Okta does not accept the API token at " +
                              std::string(org) + ". It may have been revoked, it expires after 30 days unused, "
                              "or it was made in another org; create a new one under Security > API > Tokens.";
        return {problems::token_invalid, explanation + what_okta_said(failure)};
    }
    if (failure.status == 403) {
        std::string explanation =
            service_app ? "The app signs in, but its admin role may not make " + std::string(checked) +
                              ": assign it a role that may read users (or groups) under the app's Admin roles tab."
                        : "The token works, but the admin who made it may not make " + std::string(checked) +
                              ": tokens act with their admin's rights; use an admin with a role that may read users.";
        return {problems::permission_missing, explanation + what_okta_said(failure)};
    }
    if (failure.status == 404) {
        return {problems::wrong_org_url, "Wrong org URL: " + std::string(org) + " has no " + std::string(checked) +
                                             ", so it is not an Okta org's address. Check Domain (the org URL, "
                                             "not the -admin console address)." + what_okta_said(failure)};
    }
    if (failure.status == 429) {
        return {problems::rate_limited, "The credential could not be checked now: Okta's rate limit for " +
                                            std::string(checked) + " is spent; try again after RateLimitReset." +
                                            what_okta_said(failure)};
    }
    if (failure.status == 500 && failure.code.rfind("WFN_", 0) == 0) {  // no usable answer arrived
        return transport_diagnosis(failure, org);
    }
    if (failure.status >= 500) {
        return {problems::okta_unavailable,
                "The credential could not be checked now: Okta answered with a server error; try again later." +
                    what_okta_said(failure)};
    }
    return {problems::unexpected_answer,
            "The credential test got an answer it cannot judge." + what_okta_said(failure)};
}

}  // namespace okta_plugin::nodes
