#pragma once
// Compact JWS (RFC 7515) reading and signature checks for RS256 and ES256,
// shared by the client-assertion and DPoP-proof checks.
#include <boost/json/object.hpp>

#include <openssl/evp.h>

#include <optional>
#include <string>
#include <string_view>

namespace okta_sandbox {

struct compact_jws {
  boost::json::object header;
  boost::json::object claims;
  std::string signing_input;  // "<header>.<payload>" exactly as sent
  std::string signature;      // decoded bytes
};

// Nullopt unless `text` is three base64url parts whose first two are JSON objects.
std::optional<compact_jws> parse_compact_jws(std::string_view text);

// The header's "alg" when it is one this sandbox verifies ("RS256", "ES256"), else "".
std::string supported_algorithm(const compact_jws& jws);

// True when the signature is valid for `key` under the header's alg; false for
// a bad signature, an unsupported alg, or a key of the wrong type for the alg.
bool signature_is_valid(const compact_jws& jws, EVP_PKEY* key);

// A claim as a string or a whole number of seconds, when it is one.
std::optional<std::string> string_claim(const boost::json::object& claims, std::string_view name);
std::optional<std::int64_t> seconds_claim(const boost::json::object& claims, std::string_view name);

}  // namespace okta_sandbox
