// What a failed credential test means for the person who filled in the
// credential: one of a few problem codes a canvas can act on, and a sentence
// that says what to fix. Pure: it reads the call's failure, nothing else.
#pragma once

#include "okta/protocol/call_result.hpp"

#include <string>
#include <string_view>

namespace okta_plugin::nodes {

// The Problem values of okta.credentials.test (its manifest lists them).
namespace credential_problems {
inline constexpr std::string_view invalid_credential = "invalid_credential";  // StatusCode -1
inline constexpr std::string_view wrong_org_url = "wrong_org_url";
inline constexpr std::string_view untrusted_certificate = "untrusted_certificate";
inline constexpr std::string_view token_invalid = "token_invalid";
inline constexpr std::string_view client_rejected = "client_rejected";
inline constexpr std::string_view scope_not_granted = "scope_not_granted";
inline constexpr std::string_view scope_missing = "scope_missing";
inline constexpr std::string_view permission_missing = "permission_missing";
inline constexpr std::string_view rate_limited = "rate_limited";
inline constexpr std::string_view okta_unavailable = "okta_unavailable";
inline constexpr std::string_view cancelled = "cancelled";
inline constexpr std::string_view unexpected_answer = "unexpected_answer";
}  // namespace credential_problems

struct credential_diagnosis {
    std::string_view problem;  // one of credential_problems
    std::string explanation;   // never quotes a secret (the failure's message never does)
};

enum class credential_kind { api_token, service_app };

// `org` is the credential's Domain as the plugin will use it, `checked` the
// request the test made ("GET /api/v1/users?limit=1").
credential_diagnosis diagnose_credential_failure(const okta::call_failure& failure, credential_kind kind,
                                                 std::string_view org, std::string_view checked);

}  // namespace okta_plugin::nodes
