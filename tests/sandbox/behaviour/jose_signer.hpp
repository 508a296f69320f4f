#pragma once
// The test side of JOSE: signs JWTs with OpenSSL from a PEM private key, as a
// client would, so the sandbox's checks meet independently made signatures.
#include "okta_sandbox/test_key.hpp"

#include <boost/json/object.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace okta_sandbox::testing {

using okta_sandbox::base64url;  // the fixture's (okta_sandbox/test_key.hpp)

// base64url(SHA-256(text)), the DPoP "ath" of an access token.
std::string sha256_base64url(std::string_view text);

// "<header>.<claims>.<signature>", signed RS256 or ES256 as header["alg"] says
// (ES256 in JOSE's raw r||s form). Throws std::runtime_error on a bad key.
std::string sign_jwt(const boost::json::object& header, const boost::json::object& claims, const std::string& private_pem);

std::int64_t now_seconds();

// A fresh random identifier for jti claims.
std::string fresh_jti();

}  // namespace okta_sandbox::testing
