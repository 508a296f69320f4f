// The JOSE building blocks, on OpenSSL: base64url, SHA-256, random ids, and
// the signing keys of JWS (RS256 for RSA, ES256 for EC P-256). Pure: no I/O
// beyond the system's random source.
#pragma once

#include "okta/protocol/org_address.hpp"
#include "wire/secret_text.hpp"

#include <boost/json/object.hpp>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

typedef struct evp_pkey_st EVP_PKEY;

namespace okta_plugin::okta {

// RFC 4648 section 5, without padding.
std::string base64url(std::string_view bytes);
// Nothing when `text` is not base64url without padding.
std::optional<std::string> base64url_decode(std::string_view text);

// The raw 32-byte SHA-256 of `bytes`.
std::string sha256(std::string_view bytes);

// `bytes` random bytes from OpenSSL's generator, base64url: a JWT id.
std::string random_id(std::size_t bytes = 24);

enum class key_kind { rsa, ec_p256 };

// A private key that signs JWS. Move-only; the key material stays inside
// OpenSSL, which wipes it when the key is freed.
class signing_key {
public:
    // Reads a PEM: RSA as PKCS#1 or PKCS#8, EC P-256 as SEC1 or PKCS#8,
    // unencrypted. Throws invalid_setting naming PrivateKey, never quoting it.
    static signing_key from_pem(std::string_view pem);
    // A fresh EC P-256 key, for DPoP.
    static signing_key generate_p256();

    signing_key(signing_key&&) noexcept;
    signing_key& operator=(signing_key&&) noexcept;
    ~signing_key();

    key_kind kind() const noexcept { return kind_; }
    // "RS256" or "ES256".
    std::string_view algorithm() const noexcept;
    // The public half as a JWK: kty, n and e, or kty, crv, x and y.
    boost::json::object public_jwk() const;
    // The JWS signature of `signing_input`: PKCS#1 v1.5 over SHA-256, or
    // ECDSA over SHA-256 as JOSE's raw r||s (64 bytes).
    std::string sign(std::string_view signing_input) const;

private:
    signing_key(EVP_PKEY* key, key_kind kind) noexcept : key_(key), kind_(kind) {}
    struct free_key {
        void operator()(EVP_PKEY* key) const noexcept;
    };
    std::unique_ptr<EVP_PKEY, free_key> key_;
    key_kind kind_ = key_kind::rsa;
};

// header.claims.signature, each part base64url; in wiping storage, since a
// client assertion or a DPoP proof is a credential while it lives.
wire::wiping_string compact_jws(const boost::json::object& header, const boost::json::object& claims,
                                const signing_key& key);

}  // namespace okta_plugin::okta
