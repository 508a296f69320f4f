#include "jwt_verifier.hpp"

#include "jose_base64.hpp"

#include <boost/json/parse.hpp>

#include <openssl/bn.h>
#include <openssl/ecdsa.h>

#include <cmath>
#include <memory>
#include <vector>

namespace okta_sandbox {
namespace {

constexpr std::size_t es256_half = 32;

std::optional<boost::json::object> json_part(std::string_view encoded) {
  const auto bytes = base64url_decode(encoded);
  if (!bytes) return std::nullopt;
  boost::system::error_code ec;
  auto value = boost::json::parse(*bytes, ec);
  if (ec || !value.is_object()) return std::nullopt;
  return std::move(value.get_object());
}

// JOSE carries an ECDSA signature as r||s; OpenSSL verifies the DER form.
std::optional<std::vector<unsigned char>> es256_der(std::string_view raw) {
  if (raw.size() != 2 * es256_half) return std::nullopt;
  const auto* bytes = reinterpret_cast<const unsigned char*>(raw.data());
  ECDSA_SIG* sig = ECDSA_SIG_new();
  BIGNUM* r = BN_bin2bn(bytes, es256_half, nullptr);
  BIGNUM* s = BN_bin2bn(bytes + es256_half, es256_half, nullptr);
  if (sig == nullptr || r == nullptr || s == nullptr || ECDSA_SIG_set0(sig, r, s) != 1) {
    BN_free(r);
    BN_free(s);
    ECDSA_SIG_free(sig);
    return std::nullopt;
  }
  unsigned char* der = nullptr;
  const int length = i2d_ECDSA_SIG(sig, &der);
  ECDSA_SIG_free(sig);
  if (length <= 0) return std::nullopt;
  std::vector<unsigned char> out(der, der + length);
  OPENSSL_free(der);
  return out;
}

bool digest_verify(EVP_PKEY* key, const std::string& input, const unsigned char* signature, std::size_t size) {
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  if (!context || EVP_DigestVerifyInit(context.get(), nullptr, EVP_sha256(), nullptr, key) != 1) return false;
  return EVP_DigestVerify(context.get(), signature, size, reinterpret_cast<const unsigned char*>(input.data()),
                          input.size()) == 1;
}

}  // namespace

std::optional<compact_jws> parse_compact_jws(std::string_view text) {
  const auto first = text.find('.');
  if (first == std::string_view::npos) return std::nullopt;
  const auto second = text.find('.', first + 1);
  if (second == std::string_view::npos || text.find('.', second + 1) != std::string_view::npos) return std::nullopt;
  auto header = json_part(text.substr(0, first));
  auto claims = json_part(text.substr(first + 1, second - first - 1));
  auto signature = base64url_decode(text.substr(second + 1));
  if (!header || !claims || !signature) return std::nullopt;
  return compact_jws{std::move(*header), std::move(*claims), std::string(text.substr(0, second)), std::move(*signature)};
}

std::string supported_algorithm(const compact_jws& jws) {
  const auto alg = string_claim(jws.header, "alg");
  if (alg == "RS256" || alg == "ES256") return *alg;
  return {};
}

bool signature_is_valid(const compact_jws& jws, EVP_PKEY* key) {
  const std::string alg = supported_algorithm(jws);
  if (alg == "RS256") {
    if (EVP_PKEY_is_a(key, "RSA") != 1) return false;
    return digest_verify(key, jws.signing_input, reinterpret_cast<const unsigned char*>(jws.signature.data()),
                         jws.signature.size());
  }
  if (alg == "ES256") {
    if (EVP_PKEY_is_a(key, "EC") != 1) return false;
    const auto der = es256_der(jws.signature);
    return der && digest_verify(key, jws.signing_input, der->data(), der->size());
  }
  return false;
}

std::optional<std::string> string_claim(const boost::json::object& claims, std::string_view name) {
  const auto* value = claims.if_contains(name);
  if (value == nullptr || !value->is_string()) return std::nullopt;
  return std::string(value->get_string());
}

std::optional<std::int64_t> seconds_claim(const boost::json::object& claims, std::string_view name) {
  const auto* value = claims.if_contains(name);
  if (value == nullptr) return std::nullopt;
  if (const auto* n = value->if_int64()) return *n;
  if (const auto* u = value->if_uint64(); u != nullptr && *u <= static_cast<std::uint64_t>(INT64_MAX)) {
    return static_cast<std::int64_t>(*u);
  }
  if (const auto* d = value->if_double(); d != nullptr && std::isfinite(*d) && std::abs(*d) < 1e15) {
    return static_cast<std::int64_t>(*d);
  }
  return std::nullopt;
}

}  // namespace okta_sandbox
