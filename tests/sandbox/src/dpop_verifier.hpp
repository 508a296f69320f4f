#pragma once
// Checks a DPoP proof (RFC 9449 section 4.3) for one request: its form, its
// embedded public key and signature, htm, htu, iat, a fresh jti and, for
// resource requests, ath. The nonce is the token endpoint's business.
#include "replay_guard.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace okta_sandbox {

struct dpop_request {
  std::string_view method;               // "POST"
  std::string htu;                       // scheme, host, port and decoded path; no query
  std::optional<std::string_view> access_token;  // set on resource requests: ath must match it
};

struct dpop_verdict {
  bool valid = false;
  std::string problem;      // why not, as error_description; never quotes the proof
  std::string thumbprint;   // RFC 7638 thumbprint of the proof's key
  std::optional<std::string> nonce;
};

// Spends the proof's jti in `spent` only when every other check passed.
dpop_verdict verify_dpop_proof(std::string_view proof, const dpop_request& request, replay_guard& spent,
                               wall_clock::time_point now);

// base64url(SHA-256(text)): the "ath" of a token.
std::string sha256_base64url(std::string_view text);

}  // namespace okta_sandbox
