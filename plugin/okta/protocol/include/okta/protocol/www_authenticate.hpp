// The WWW-Authenticate challenge of a refused API request (RFC 6750
// section 3, RFC 9449 section 7.1): which scheme, which error, which scope.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace okta_plugin::okta {

struct auth_challenge {
    std::string scheme;  // "Bearer" or "DPoP", as sent
    std::string error;   // "invalid_token", "insufficient_scope", "use_dpop_nonce", ...
    std::string error_description;
    std::string scope;   // the scope(s) the resource needs, space-separated
};

// The first challenge of a header value; auth-params are name=token or
// name="quoted string" with backslash escapes. Nothing when the value has no
// scheme.
std::optional<auth_challenge> parse_www_authenticate(std::string_view value);

}  // namespace okta_plugin::okta
