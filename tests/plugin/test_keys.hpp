// Keys for the OAuth tests, made with OpenSSL when first asked for (never
// committed), in each PEM form a PrivateKey may take, and a JWS checker
// that verifies a compact token with a public key or a JWK.
#pragma once

#include "okta/protocol/jose_crypto.hpp"

#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

namespace okta_plugin::test {

struct pkey_free {
    void operator()(EVP_PKEY* key) const noexcept { EVP_PKEY_free(key); }
};
using pkey = std::unique_ptr<EVP_PKEY, pkey_free>;

enum class pem_form { pkcs8, traditional };  // traditional: PKCS#1 for RSA, SEC1 for EC

inline std::string pem_of(EVP_PKEY* key, pem_form form) {
    BIO* out = BIO_new(BIO_s_mem());
    const int written = form == pem_form::pkcs8
                            ? PEM_write_bio_PrivateKey(out, key, nullptr, nullptr, 0, nullptr, nullptr)
                            : PEM_write_bio_PrivateKey_traditional(out, key, nullptr, nullptr, 0, nullptr, nullptr);
    char* data = nullptr;
    const long size = BIO_get_mem_data(out, &data);
    std::string pem = written == 1 ? std::string(data, static_cast<std::size_t>(size)) : std::string();
    BIO_free(out);
    if (pem.empty()) {
        throw std::runtime_error("could not write a test key");
    }
    return pem;
}

inline EVP_PKEY* rsa_test_key() {
    static pkey key(EVP_RSA_gen(2048));
    return key.get();
}
inline EVP_PKEY* ec_test_key() {
    static pkey key(EVP_EC_gen("P-256"));
    return key.get();
}
inline std::string rsa_pem(pem_form form = pem_form::pkcs8) { return pem_of(rsa_test_key(), form); }
inline std::string ec_pem(pem_form form = pem_form::pkcs8) { return pem_of(ec_test_key(), form); }

struct decoded_jws {
    boost::json::object header;
    boost::json::object claims;
    std::string signing_input;
    std::string signature;
};

inline decoded_jws decode_jws(std::string_view token) {
    const auto first = token.find('.');
    const auto second = token.find('.', first + 1);
    if (first == std::string_view::npos || second == std::string_view::npos) {
        throw std::runtime_error("not a compact JWS");
    }
    decoded_jws decoded;
    decoded.header = boost::json::parse(okta::base64url_decode(token.substr(0, first)).value()).as_object();
    decoded.claims =
        boost::json::parse(okta::base64url_decode(token.substr(first + 1, second - first - 1)).value()).as_object();
    decoded.signing_input = std::string(token.substr(0, second));
    decoded.signature = okta::base64url_decode(token.substr(second + 1)).value();
    return decoded;
}

// The public key a JWK names (RSA n/e or EC P-256 x/y).
inline pkey key_from_jwk(const boost::json::object& jwk) {
    auto number = [&](std::string_view name) {
        const std::string bytes = okta::base64url_decode(jwk.at(name).as_string()).value();
        return std::unique_ptr<BIGNUM, decltype(&BN_free)>(
            BN_bin2bn(reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<int>(bytes.size()), nullptr),
            &BN_free);
    };
    OSSL_PARAM_BLD* build = OSSL_PARAM_BLD_new();
    const bool rsa = jwk.at("kty").as_string() == "RSA";
    std::string point;
    auto n = rsa ? number("n") : number("x");
    auto e = rsa ? number("e") : number("y");
    if (rsa) {
        OSSL_PARAM_BLD_push_BN(build, OSSL_PKEY_PARAM_RSA_N, n.get());
        OSSL_PARAM_BLD_push_BN(build, OSSL_PKEY_PARAM_RSA_E, e.get());
    } else {
        point = std::string(1, '\x04') + okta::base64url_decode(jwk.at("x").as_string()).value() +
                okta::base64url_decode(jwk.at("y").as_string()).value();
        OSSL_PARAM_BLD_push_utf8_string(build, OSSL_PKEY_PARAM_GROUP_NAME, "P-256", 0);
        OSSL_PARAM_BLD_push_octet_string(build, OSSL_PKEY_PARAM_PUB_KEY, point.data(), point.size());
    }
    OSSL_PARAM* params = OSSL_PARAM_BLD_to_param(build);
    EVP_PKEY_CTX* context = EVP_PKEY_CTX_new_from_name(nullptr, rsa ? "RSA" : "EC", nullptr);
    EVP_PKEY* key = nullptr;
    EVP_PKEY_fromdata_init(context);
    EVP_PKEY_fromdata(context, &key, EVP_PKEY_PUBLIC_KEY, params);
    EVP_PKEY_CTX_free(context);
    OSSL_PARAM_free(params);
    OSSL_PARAM_BLD_free(build);
    return pkey(key);
}

// Whether `token`'s signature is `key`'s, by the alg its header names.
inline bool jws_verifies(std::string_view token, EVP_PKEY* key) {
    const decoded_jws jws = decode_jws(token);
    std::string signature = jws.signature;
    if (jws.header.at("alg").as_string() == "ES256") {
        if (signature.size() != 64) {
            return false;
        }
        ECDSA_SIG* pair = ECDSA_SIG_new();
        ECDSA_SIG_set0(pair, BN_bin2bn(reinterpret_cast<const unsigned char*>(signature.data()), 32, nullptr),
                       BN_bin2bn(reinterpret_cast<const unsigned char*>(signature.data()) + 32, 32, nullptr));
        unsigned char* der = nullptr;
        const int size = i2d_ECDSA_SIG(pair, &der);
        signature.assign(reinterpret_cast<const char*>(der), static_cast<std::size_t>(size));
        OPENSSL_free(der);
        ECDSA_SIG_free(pair);
    }
    EVP_MD_CTX* context = EVP_MD_CTX_new();
    const bool good =
        EVP_DigestVerifyInit(context, nullptr, EVP_sha256(), nullptr, key) == 1 &&
        EVP_DigestVerify(context, reinterpret_cast<const unsigned char*>(signature.data()), signature.size(),
                         reinterpret_cast<const unsigned char*>(jws.signing_input.data()), jws.signing_input.size()) == 1;
    EVP_MD_CTX_free(context);
    return good;
}

}  // namespace okta_plugin::test
