#pragma once
// Public JSON Web Keys (RFC 7517) as OpenSSL keys: RSA, and EC on P-256.
#include <boost/json/object.hpp>

#include <openssl/evp.h>

#include <memory>
#include <string>

namespace okta_sandbox {

using shared_pkey = std::shared_ptr<EVP_PKEY>;

// The OpenSSL public key a JWK describes. Throws std::invalid_argument saying
// what is wrong: an unknown kty or curve, a missing or malformed member, or a
// private member (a JWK that would publish its private half).
shared_pkey public_key_from_jwk(const boost::json::object& jwk);

// True when the JWK holds a private member ("d", or RSA's primes and exponents).
bool has_private_members(const boost::json::object& jwk);

// The RFC 7638 thumbprint: base64url(SHA-256) of the required members in
// lexicographic order. Call after public_key_from_jwk accepted the key.
std::string jwk_thumbprint(const boost::json::object& jwk);

}  // namespace okta_sandbox
