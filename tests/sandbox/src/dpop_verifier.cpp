#include "dpop_verifier.hpp"

#include "jose_base64.hpp"
#include "jwk_key.hpp"
#include "jwt_verifier.hpp"

#include <openssl/sha.h>

#include <array>
#include <chrono>
#include <stdexcept>

namespace okta_sandbox {
namespace {

// How far a proof's iat may lie from the sandbox's clock.
constexpr std::chrono::seconds iat_past_window{300};
constexpr std::chrono::seconds iat_future_window{60};

dpop_verdict refused(std::string problem) {
  dpop_verdict verdict;
  verdict.problem = std::move(problem);
  return verdict;
}

}  // namespace

std::string sha256_base64url(std::string_view text) {
  std::array<unsigned char, SHA256_DIGEST_LENGTH> digest{};
  SHA256(reinterpret_cast<const unsigned char*>(text.data()), text.size(), digest.data());
  return base64url_encode(std::string_view(reinterpret_cast<const char*>(digest.data()), digest.size()));
}

dpop_verdict verify_dpop_proof(std::string_view proof, const dpop_request& request, replay_guard& spent,
                               wall_clock::time_point now) {
  const auto jws = parse_compact_jws(proof);
  if (!jws) return refused("The DPoP proof JWT is malformed.");
  if (string_claim(jws->header, "typ") != "dpop+jwt") return refused("The DPoP proof JWT 'typ' header must be 'dpop+jwt'.");
  if (supported_algorithm(*jws).empty()) return refused("The DPoP proof JWT 'alg' header must be RS256 or ES256.");
  const auto* jwk = jws->header.if_contains("jwk");
  if (jwk == nullptr || !jwk->is_object()) return refused("The DPoP proof JWT header lacks the 'jwk' public key.");
  shared_pkey key;
  try {
    key = public_key_from_jwk(jwk->get_object());
  } catch (const std::invalid_argument& e) {
    return refused(std::string("The DPoP proof JWT 'jwk' header is invalid: ") + e.what() + ".");
  }
  if (!signature_is_valid(*jws, key.get())) return refused("The DPoP proof JWT signature is invalid.");

  if (string_claim(jws->claims, "htm") != request.method) {
    return refused("The DPoP proof JWT 'htm' claim must be the request's HTTP method.");
  }
  if (string_claim(jws->claims, "htu") != request.htu) {
    return refused("The DPoP proof JWT 'htu' claim must be the request URL without query or fragment.");
  }
  const auto iat = seconds_claim(jws->claims, "iat");
  if (!iat) return refused("The DPoP proof JWT lacks the 'iat' claim.");
  const auto issued = wall_clock::time_point(std::chrono::seconds(*iat));
  if (issued < now - iat_past_window || issued > now + iat_future_window) {
    return refused("The DPoP proof JWT 'iat' claim is not recent.");
  }
  if (request.access_token) {
    if (string_claim(jws->claims, "ath") != sha256_base64url(*request.access_token)) {
      return refused("The DPoP proof JWT 'ath' claim must be the base64url SHA-256 hash of the access token.");
    }
  }
  const auto jti = string_claim(jws->claims, "jti");
  if (!jti || jti->empty()) return refused("The DPoP proof JWT lacks the 'jti' claim.");
  if (!spent.first_use(*jti, issued + iat_past_window + iat_future_window, now)) {
    return refused("The DPoP proof JWT 'jti' was already used.");
  }

  dpop_verdict verdict;
  verdict.valid = true;
  verdict.thumbprint = jwk_thumbprint(jwk->get_object());
  verdict.nonce = string_claim(jws->claims, "nonce");
  return verdict;
}

}  // namespace okta_sandbox
