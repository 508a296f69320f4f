// DPoP (RFC 9449) proofs, sans I/O: the htu a request is bound to, and the
// signed proof JWT each request carries.
#pragma once

#include "okta/protocol/jose_crypto.hpp"
#include "wire/http_message.hpp"

#include <boost/json/object.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace okta_plugin::okta {

// The htu of a request to `target` (origin-form, percent-encoded, maybe
// with a query) on `origin`: the origin, then the percent-decoded path,
// without query or fragment. Throws invalid_setting for a target that is no
// origin-form request target.
std::string dpop_htu(std::string_view origin, std::string_view target);

// What a proof is bound to. `access_token` empty: a proof for the token
// endpoint (no ath). `nonce` empty: none known yet.
struct dpop_binding {
    wire::method verb = wire::method::get;
    std::string htu;
    std::string_view access_token;
    std::string_view nonce;
    std::int64_t issued_at = 0;
};

// typ dpop+jwt, alg, the public jwk; htm, htu, iat, a fresh jti, ath and nonce.
boost::json::object dpop_header(const signing_key& key);
boost::json::object dpop_claims(const dpop_binding& binding);

wire::wiping_string dpop_proof(const signing_key& key, const dpop_binding& binding);

}  // namespace okta_plugin::okta
