#include "jwk_key.hpp"

#include "jose_base64.hpp"

#include <boost/json/serialize.hpp>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/param_build.h>
#include <openssl/sha.h>

#include <array>
#include <stdexcept>

namespace okta_sandbox {
namespace {

constexpr std::size_t p256_coordinate_size = 32;

std::string member_bytes(const boost::json::object& jwk, std::string_view name) {
  const auto* value = jwk.if_contains(name);
  if (value == nullptr || !value->is_string()) {
    throw std::invalid_argument("the JWK lacks the string member \"" + std::string(name) + "\"");
  }
  auto bytes = base64url_decode(value->get_string());
  if (!bytes || bytes->empty()) throw std::invalid_argument("the JWK member \"" + std::string(name) + "\" is not base64url");
  return std::move(*bytes);
}

std::string string_member(const boost::json::object& jwk, std::string_view name) {
  const auto* value = jwk.if_contains(name);
  if (value == nullptr || !value->is_string()) {
    throw std::invalid_argument("the JWK lacks the string member \"" + std::string(name) + "\"");
  }
  return std::string(value->get_string());
}

struct bn_free {
  void operator()(BIGNUM* n) const { BN_free(n); }
};
using bignum = std::unique_ptr<BIGNUM, bn_free>;

bignum to_bignum(const std::string& bytes) {
  bignum n(BN_bin2bn(reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<int>(bytes.size()), nullptr));
  if (!n) throw std::invalid_argument("a JWK number is out of range");
  return n;
}

shared_pkey key_from_params(const char* type, OSSL_PARAM_BLD* builder) {
  OSSL_PARAM* params = OSSL_PARAM_BLD_to_param(builder);
  EVP_PKEY_CTX* context = EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr);
  EVP_PKEY* key = nullptr;
  const bool built = params != nullptr && context != nullptr && EVP_PKEY_fromdata_init(context) == 1 &&
                     EVP_PKEY_fromdata(context, &key, EVP_PKEY_PUBLIC_KEY, params) == 1;
  EVP_PKEY_CTX_free(context);
  OSSL_PARAM_free(params);
  if (!built) throw std::invalid_argument(std::string("the JWK is not a valid ") + type + " public key");
  return shared_pkey(key, EVP_PKEY_free);
}

shared_pkey rsa_key(const boost::json::object& jwk) {
  const bignum n = to_bignum(member_bytes(jwk, "n"));
  const bignum e = to_bignum(member_bytes(jwk, "e"));
  if (BN_num_bits(n.get()) < 2048) throw std::invalid_argument("the JWK's RSA modulus is shorter than 2048 bits");
  std::unique_ptr<OSSL_PARAM_BLD, decltype(&OSSL_PARAM_BLD_free)> builder(OSSL_PARAM_BLD_new(), OSSL_PARAM_BLD_free);
  if (!builder || OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_N, n.get()) != 1 ||
      OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_E, e.get()) != 1) {
    throw std::invalid_argument("the JWK is not a valid RSA public key");
  }
  return key_from_params("RSA", builder.get());
}

shared_pkey ec_key(const boost::json::object& jwk) {
  if (string_member(jwk, "crv") != "P-256") throw std::invalid_argument("the JWK's curve must be P-256");
  const std::string x = member_bytes(jwk, "x");
  const std::string y = member_bytes(jwk, "y");
  if (x.size() != p256_coordinate_size || y.size() != p256_coordinate_size) {
    throw std::invalid_argument("the JWK's P-256 coordinates must be 32 bytes each");
  }
  const std::string point = std::string(1, '\x04') + x + y;  // SEC 1 uncompressed form
  std::unique_ptr<OSSL_PARAM_BLD, decltype(&OSSL_PARAM_BLD_free)> builder(OSSL_PARAM_BLD_new(), OSSL_PARAM_BLD_free);
  if (!builder || OSSL_PARAM_BLD_push_utf8_string(builder.get(), OSSL_PKEY_PARAM_GROUP_NAME, "prime256v1", 0) != 1 ||
      OSSL_PARAM_BLD_push_octet_string(builder.get(), OSSL_PKEY_PARAM_PUB_KEY, point.data(), point.size()) != 1) {
    throw std::invalid_argument("the JWK is not a valid EC public key");
  }
  return key_from_params("EC", builder.get());
}

std::string quoted(std::string_view text) { return boost::json::serialize(boost::json::string(text)); }

}  // namespace

bool has_private_members(const boost::json::object& jwk) {
  constexpr std::array<std::string_view, 6> private_members{"d", "p", "q", "dp", "dq", "qi"};
  for (const auto name : private_members) {
    if (jwk.contains(name)) return true;
  }
  return false;
}

shared_pkey public_key_from_jwk(const boost::json::object& jwk) {
  if (has_private_members(jwk)) throw std::invalid_argument("the JWK holds a private key; only the public key may be sent");
  const std::string kty = string_member(jwk, "kty");
  if (kty == "RSA") return rsa_key(jwk);
  if (kty == "EC") return ec_key(jwk);
  throw std::invalid_argument("the JWK's kty must be RSA or EC");
}

std::string jwk_thumbprint(const boost::json::object& jwk) {
  const std::string kty = string_member(jwk, "kty");
  const std::string canonical =
      kty == "RSA" ? "{\"e\":" + quoted(string_member(jwk, "e")) + ",\"kty\":\"RSA\",\"n\":" + quoted(string_member(jwk, "n")) + "}"
                   : "{\"crv\":" + quoted(string_member(jwk, "crv")) + ",\"kty\":\"EC\",\"x\":" +
                         quoted(string_member(jwk, "x")) + ",\"y\":" + quoted(string_member(jwk, "y")) + "}";
  std::array<unsigned char, SHA256_DIGEST_LENGTH> digest{};
  SHA256(reinterpret_cast<const unsigned char*>(canonical.data()), canonical.size(), digest.data());
  return base64url_encode(std::string_view(reinterpret_cast<const char*>(digest.data()), digest.size()));
}

}  // namespace okta_sandbox
