#include "okta_sandbox/test_key.hpp"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/encoder.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>

#include <memory>
#include <stdexcept>
#include <vector>

namespace okta_sandbox {

std::string base64url(std::string_view bytes) {
  std::vector<unsigned char> out(4 * ((bytes.size() + 2) / 3) + 1);
  const int length =
      EVP_EncodeBlock(out.data(), reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<int>(bytes.size()));
  std::string text(reinterpret_cast<const char*>(out.data()), static_cast<std::size_t>(length));
  while (!text.empty() && text.back() == '=') text.pop_back();
  for (char& c : text) {
    if (c == '+') c = '-';
    else if (c == '/') c = '_';
  }
  return text;
}

namespace {

using pkey = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;

std::string base64url(const std::vector<unsigned char>& bytes) {
  return okta_sandbox::base64url(std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
}

std::string random_kid() {
  std::vector<unsigned char> bytes(12);
  if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) throw std::runtime_error("RAND_bytes failed");
  return base64url(bytes);
}

std::string bio_text(BIO* bio) {
  char* data = nullptr;
  const long size = BIO_get_mem_data(bio, &data);
  return std::string(data, static_cast<std::size_t>(size));
}

std::string pkcs8_pem(EVP_PKEY* key) {
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), BIO_free);
  if (!bio || PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1) {
    throw std::runtime_error("cannot write the private key as PKCS#8 PEM");
  }
  return bio_text(bio.get());
}

std::string type_specific_pem(EVP_PKEY* key) {
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), BIO_free);
  OSSL_ENCODER_CTX* encoder = OSSL_ENCODER_CTX_new_for_pkey(key, EVP_PKEY_KEYPAIR, "PEM", "type-specific", nullptr);
  const bool written = bio && encoder != nullptr && OSSL_ENCODER_CTX_get_num_encoders(encoder) > 0 &&
                       OSSL_ENCODER_to_bio(encoder, bio.get()) == 1;
  OSSL_ENCODER_CTX_free(encoder);
  if (!written) throw std::runtime_error("cannot write the private key as PKCS#1 PEM");
  return bio_text(bio.get());
}

std::vector<unsigned char> bn_param(EVP_PKEY* key, const char* name, int pad_to = 0) {
  BIGNUM* n = nullptr;
  if (EVP_PKEY_get_bn_param(key, name, &n) != 1) throw std::runtime_error(std::string("cannot read the key's ") + name);
  const int size = pad_to > 0 ? pad_to : BN_num_bytes(n);
  std::vector<unsigned char> bytes(static_cast<std::size_t>(size));
  const int written = BN_bn2binpad(n, bytes.data(), size);
  BN_free(n);
  if (written != size) throw std::runtime_error(std::string("the key's ") + name + " does not fit");
  return bytes;
}

}  // namespace

test_key make_rsa_key(std::string kid) {
  pkey key(EVP_RSA_gen(2048), EVP_PKEY_free);
  if (!key) throw std::runtime_error("cannot generate an RSA key");
  test_key made;
  made.kid = kid.empty() ? random_kid() : std::move(kid);
  made.alg = "RS256";
  made.private_pem = pkcs8_pem(key.get());
  made.private_pem_pkcs1 = type_specific_pem(key.get());
  made.public_jwk = {{"kty", "RSA"},
                     {"kid", made.kid},
                     {"alg", made.alg},
                     {"use", "sig"},
                     {"n", base64url(bn_param(key.get(), OSSL_PKEY_PARAM_RSA_N))},
                     {"e", base64url(bn_param(key.get(), OSSL_PKEY_PARAM_RSA_E))}};
  made.private_jwk = made.public_jwk;
  made.private_jwk["d"] = base64url(bn_param(key.get(), OSSL_PKEY_PARAM_RSA_D));
  return made;
}

test_key make_ec_key(std::string kid) {
  pkey key(EVP_EC_gen("P-256"), EVP_PKEY_free);
  if (!key) throw std::runtime_error("cannot generate a P-256 key");
  constexpr int coordinate = 32;
  test_key made;
  made.kid = kid.empty() ? random_kid() : std::move(kid);
  made.alg = "ES256";
  made.private_pem = pkcs8_pem(key.get());
  made.public_jwk = {{"kty", "EC"},
                     {"kid", made.kid},
                     {"alg", made.alg},
                     {"use", "sig"},
                     {"crv", "P-256"},
                     {"x", base64url(bn_param(key.get(), OSSL_PKEY_PARAM_EC_PUB_X, coordinate))},
                     {"y", base64url(bn_param(key.get(), OSSL_PKEY_PARAM_EC_PUB_Y, coordinate))}};
  made.private_jwk = made.public_jwk;
  made.private_jwk["d"] = base64url(bn_param(key.get(), OSSL_PKEY_PARAM_PRIV_KEY, coordinate));
  return made;
}

}  // namespace okta_sandbox
