#include "jose_signer.hpp"

#include <boost/json/serialize.hpp>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/ecdsa.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/sha.h>

#include <array>
#include <chrono>
#include <memory>
#include <stdexcept>
#include <vector>

namespace okta_sandbox::testing {
namespace {

std::string ecdsa_der_to_raw(const std::vector<unsigned char>& der) {
  const unsigned char* cursor = der.data();
  std::unique_ptr<ECDSA_SIG, decltype(&ECDSA_SIG_free)> sig(d2i_ECDSA_SIG(nullptr, &cursor, static_cast<long>(der.size())),
                                                            ECDSA_SIG_free);
  if (!sig) throw std::runtime_error("the ECDSA signature is not DER");
  std::string raw(64, '\0');
  auto* out = reinterpret_cast<unsigned char*>(raw.data());
  if (BN_bn2binpad(ECDSA_SIG_get0_r(sig.get()), out, 32) != 32 || BN_bn2binpad(ECDSA_SIG_get0_s(sig.get()), out + 32, 32) != 32) {
    throw std::runtime_error("the ECDSA signature does not fit P-256");
  }
  return raw;
}

}  // namespace

std::string sha256_base64url(std::string_view text) {
  std::array<unsigned char, SHA256_DIGEST_LENGTH> digest{};
  SHA256(reinterpret_cast<const unsigned char*>(text.data()), text.size(), digest.data());
  return base64url(std::string_view(reinterpret_cast<const char*>(digest.data()), digest.size()));
}

std::string sign_jwt(const boost::json::object& header, const boost::json::object& claims, const std::string& private_pem) {
  const std::string input = base64url(boost::json::serialize(header)) + "." + base64url(boost::json::serialize(claims));
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(private_pem.data(), static_cast<int>(private_pem.size())),
                                                BIO_free);
  std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(
      bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr, EVP_PKEY_free);
  if (!key) throw std::runtime_error("the private key PEM does not parse");
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  std::size_t size = 0;
  const auto* data = reinterpret_cast<const unsigned char*>(input.data());
  if (!context || EVP_DigestSignInit(context.get(), nullptr, EVP_sha256(), nullptr, key.get()) != 1 ||
      EVP_DigestSign(context.get(), nullptr, &size, data, input.size()) != 1) {
    throw std::runtime_error("cannot start signing");
  }
  std::vector<unsigned char> signature(size);
  if (EVP_DigestSign(context.get(), signature.data(), &size, data, input.size()) != 1) throw std::runtime_error("signing failed");
  signature.resize(size);
  const bool ec = EVP_PKEY_is_a(key.get(), "EC") == 1;
  const std::string jose_signature =
      ec ? ecdsa_der_to_raw(signature) : std::string(reinterpret_cast<const char*>(signature.data()), signature.size());
  return input + "." + base64url(jose_signature);
}

std::int64_t now_seconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::string fresh_jti() {
  std::array<unsigned char, 16> bytes{};
  if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) throw std::runtime_error("RAND_bytes failed");
  return base64url(std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
}

}  // namespace okta_sandbox::testing
