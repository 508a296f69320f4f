#pragma once
// POST /oauth2/v1/token for service apps: the client_credentials grant with a
// private_key_jwt assertion, the DPoP nonce challenge, and Okta's OAuth errors
// ({"error","error_description"}).
#include "http_types.hpp"
#include "oauth_state.hpp"

#include <string_view>

namespace okta_sandbox {

constexpr std::string_view token_endpoint_path = "/oauth2/v1/token";

// True when the request target's path (before any query) is the token endpoint.
bool is_token_endpoint(std::string_view target);

http_response answer_token_request(oauth_state& oauth, const http_request& request, std::string_view origin);

}  // namespace okta_sandbox
