// Okta's OAuth 2.0 client-credentials exchange for a service app, sans I/O:
// the signed client assertion (private_key_jwt), the form of the token
// request, and what the token endpoint answers.
#pragma once

#include "okta/protocol/jose_crypto.hpp"
#include "wire/http_message.hpp"
#include "wire/secret_text.hpp"

#include <boost/json/object.hpp>

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

namespace okta_plugin::okta {

inline constexpr std::string_view token_path = "/oauth2/v1/token";
// Okta accepts assertions that expire up to an hour after they were made;
// ours live five minutes, long enough for any clock skew Okta tolerates.
inline constexpr std::chrono::seconds assertion_lifetime{300};

// The token URL of an org, exactly as the assertion's aud must name it.
std::string token_url(std::string_view origin);

// iss = sub = the client id, aud, iat, exp = iat + assertion_lifetime, a fresh jti.
boost::json::object assertion_claims(std::string_view client_id, std::string_view audience, std::int64_t issued_at);

// The signed assertion; `key_id` goes into the header as kid when not empty.
wire::wiping_string client_assertion(const signing_key& key, std::string_view key_id, std::string_view client_id,
                                     std::string_view audience, std::int64_t issued_at);

// grant_type=client_credentials&scope=...&client_assertion_type=...&client_assertion=...
wire::wiping_string token_request_form(std::string_view scopes, std::string_view assertion);

struct issued_token {
    wire::secret_text access_token;
    std::string token_type;  // "Bearer" or "DPoP"
    std::chrono::seconds expires_in{3600};
};

// An OAuth error answer (RFC 6749 section 5.2), or a non-OAuth failure.
struct oauth_error {
    int status = 0;
    std::string error;        // "invalid_client", ...; empty when the answer was no OAuth error
    std::string description;  // error_description, as Okta sent it
    std::string dpop_nonce;   // the DPoP-Nonce header, when one came
};

using token_answer = std::variant<issued_token, oauth_error>;

// Reads the token endpoint's answer. A 200 without a usable access_token
// is an oauth_error with an empty `error`.
token_answer read_token_answer(const wire::response& response);

// The plain sentence a workflow author reads for a refused token request.
// Never quotes an assertion or a token: Okta's description is added only
// when it holds nothing that looks like one.
std::string explain_token_error(const oauth_error& refused, std::string_view client_id, std::string_view scopes);

// Okta's description, when it is safe and short enough to quote.
std::string quotable_description(std::string_view description);

}  // namespace okta_plugin::okta
