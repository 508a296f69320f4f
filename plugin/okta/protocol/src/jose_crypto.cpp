#include "okta/protocol/jose_crypto.hpp"

#include <boost/json/serialize.hpp>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>

#include <stdexcept>
#include <vector>

namespace okta_plugin::okta {
namespace {

constexpr std::size_t p256_coordinate_bytes = 32;
constexpr int minimum_rsa_bits = 2048;

struct bio_free {
    void operator()(BIO* bio) const noexcept { BIO_free(bio); }
};
struct md_context_free {
    void operator()(EVP_MD_CTX* context) const noexcept { EVP_MD_CTX_free(context); }
};
struct bignum_free {
    void operator()(BIGNUM* number) const noexcept { BN_free(number); }
};
struct ecdsa_free {
    void operator()(ECDSA_SIG* signature) const noexcept { ECDSA_SIG_free(signature); }
};
using bignum = std::unique_ptr<BIGNUM, bignum_free>;

// An encrypted PEM would otherwise make OpenSSL prompt on the terminal.
int refuse_passphrase(char*, int, int, void*) { return -1; }

[[noreturn]] void crypto_failure(const char* what) {
    ERR_clear_error();
    throw std::runtime_error(std::string("OpenSSL could not ") + what + ".");
}

bignum key_number(const EVP_PKEY* key, const char* name) {
    BIGNUM* number = nullptr;
    if (EVP_PKEY_get_bn_param(key, name, &number) != 1) {
        crypto_failure("read a public key parameter");
    }
    return bignum(number);
}

std::string number_bytes(const BIGNUM* number, std::size_t width = 0) {
    const std::size_t size = width != 0 ? width : static_cast<std::size_t>(BN_num_bytes(number));
    std::string bytes(size, '\0');
    if (BN_bn2binpad(number, reinterpret_cast<unsigned char*>(bytes.data()), static_cast<int>(size)) < 0) {
        crypto_failure("encode a number");
    }
    return bytes;
}

bool is_p256(const EVP_PKEY* key) {
    char group[64] = {};
    std::size_t length = 0;
    if (EVP_PKEY_get_utf8_string_param(key, OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof group, &length) != 1) {
        return false;
    }
    const std::string_view name(group, length);
    return name == "prime256v1" || name == "P-256" || name == "secp256r1";
}

// JOSE's ES256 signature is r and s, each 32 bytes, not the DER that OpenSSL makes.
std::string der_to_raw_ecdsa(const unsigned char* der, std::size_t size) {
    const unsigned char* cursor = der;
    std::unique_ptr<ECDSA_SIG, ecdsa_free> signature(d2i_ECDSA_SIG(nullptr, &cursor, static_cast<long>(size)));
    if (!signature) {
        crypto_failure("read an ECDSA signature");
    }
    const BIGNUM* r = nullptr;
    const BIGNUM* s = nullptr;
    ECDSA_SIG_get0(signature.get(), &r, &s);
    return number_bytes(r, p256_coordinate_bytes) + number_bytes(s, p256_coordinate_bytes);
}

}  // namespace

std::string base64url(std::string_view bytes) {
    if (bytes.empty()) {
        return {};
    }
    std::string text(4 * ((bytes.size() + 2) / 3) + 1, '\0');
    const int written = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(text.data()),
                                        reinterpret_cast<const unsigned char*>(bytes.data()),
                                        static_cast<int>(bytes.size()));
    text.resize(static_cast<std::size_t>(written));
    while (!text.empty() && text.back() == '=') {
        text.pop_back();
    }
    for (char& c : text) {
        c = c == '+' ? '-' : c == '/' ? '_' : c;
    }
    return text;
}

std::optional<std::string> base64url_decode(std::string_view text) {
    if (text.size() % 4 == 1) {
        return std::nullopt;
    }
    std::string padded;
    padded.reserve(text.size() + 3);
    for (char c : text) {
        const bool alphabet = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (!alphabet && c != '-' && c != '_') {
            return std::nullopt;
        }
        padded += c == '-' ? '+' : c == '_' ? '/' : c;
    }
    const std::size_t padding = (4 - padded.size() % 4) % 4;
    padded.append(padding, '=');
    if (padded.empty()) {
        return std::string{};
    }
    std::string bytes(padded.size() / 4 * 3, '\0');
    const int written = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(bytes.data()),
                                        reinterpret_cast<const unsigned char*>(padded.data()),
                                        static_cast<int>(padded.size()));
    if (written < 0) {
        return std::nullopt;
    }
    bytes.resize(static_cast<std::size_t>(written) - padding);  // EVP_DecodeBlock counts the padding as zeros
    return bytes;
}

std::string sha256(std::string_view bytes) {
    std::string digest(32, '\0');
    unsigned int size = 0;
    if (EVP_Digest(bytes.data(), bytes.size(), reinterpret_cast<unsigned char*>(digest.data()), &size, EVP_sha256(),
                   nullptr) != 1) {
        crypto_failure("hash");
    }
    return digest;
}

std::string random_id(std::size_t bytes) {
    std::string random(bytes, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(random.data()), static_cast<int>(bytes)) != 1) {
        crypto_failure("draw random bytes");
    }
    return base64url(random);
}

void signing_key::free_key::operator()(EVP_PKEY* key) const noexcept { EVP_PKEY_free(key); }

signing_key::signing_key(signing_key&&) noexcept = default;
signing_key& signing_key::operator=(signing_key&&) noexcept = default;
signing_key::~signing_key() = default;

signing_key signing_key::from_pem(std::string_view pem) {
    if (pem.find("-----BEGIN") == std::string_view::npos) {
        throw invalid_setting("PrivateKey must be a PEM text (-----BEGIN PRIVATE KEY-----, -----BEGIN RSA PRIVATE "
                              "KEY----- or -----BEGIN EC PRIVATE KEY-----).");
    }
    if (pem.find("ENCRYPTED") != std::string_view::npos) {
        throw invalid_setting("PrivateKey is encrypted; give the key without a passphrase.");
    }
    std::unique_ptr<BIO, bio_free> source(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
    if (!source) {
        crypto_failure("allocate");
    }
    EVP_PKEY* raw = PEM_read_bio_PrivateKey(source.get(), nullptr, &refuse_passphrase, nullptr);
    ERR_clear_error();
    if (raw == nullptr) {
        throw invalid_setting("PrivateKey is not a readable private key PEM (RSA in PKCS#1 or PKCS#8, or EC P-256 in "
                              "SEC1 or PKCS#8); a public key or a certificate does not sign.");
    }
    std::unique_ptr<EVP_PKEY, free_key> key(raw);
    if (EVP_PKEY_is_a(raw, "RSA")) {
        if (EVP_PKEY_get_bits(raw) < minimum_rsa_bits) {
            throw invalid_setting("PrivateKey is an RSA key shorter than 2048 bits; Okta refuses those.");
        }
        return signing_key(key.release(), key_kind::rsa);
    }
    if (EVP_PKEY_is_a(raw, "EC")) {
        if (!is_p256(raw)) {
            throw invalid_setting("PrivateKey is an EC key on a curve other than P-256; ES256 needs P-256.");
        }
        return signing_key(key.release(), key_kind::ec_p256);
    }
    throw invalid_setting("PrivateKey must be an RSA or an EC P-256 key.");
}

signing_key signing_key::generate_p256() {
    EVP_PKEY* key = EVP_EC_gen("P-256");
    if (key == nullptr) {
        crypto_failure("generate a P-256 key");
    }
    return signing_key(key, key_kind::ec_p256);
}

std::string_view signing_key::algorithm() const noexcept { return kind_ == key_kind::rsa ? "RS256" : "ES256"; }

boost::json::object signing_key::public_jwk() const {
    if (kind_ == key_kind::rsa) {
        return {{"kty", "RSA"},
                {"n", base64url(number_bytes(key_number(key_.get(), OSSL_PKEY_PARAM_RSA_N).get()))},
                {"e", base64url(number_bytes(key_number(key_.get(), OSSL_PKEY_PARAM_RSA_E).get()))}};
    }
    return {{"kty", "EC"},
            {"crv", "P-256"},
            {"x", base64url(number_bytes(key_number(key_.get(), OSSL_PKEY_PARAM_EC_PUB_X).get(), p256_coordinate_bytes))},
            {"y", base64url(number_bytes(key_number(key_.get(), OSSL_PKEY_PARAM_EC_PUB_Y).get(), p256_coordinate_bytes))}};
}

std::string signing_key::sign(std::string_view signing_input) const {
    std::unique_ptr<EVP_MD_CTX, md_context_free> context(EVP_MD_CTX_new());
    if (!context || EVP_DigestSignInit(context.get(), nullptr, EVP_sha256(), nullptr, key_.get()) != 1) {
        crypto_failure("start a signature");
    }
    const auto* input = reinterpret_cast<const unsigned char*>(signing_input.data());
    std::size_t size = 0;
    if (EVP_DigestSign(context.get(), nullptr, &size, input, signing_input.size()) != 1) {
        crypto_failure("size a signature");
    }
    std::vector<unsigned char> signature(size);
    if (EVP_DigestSign(context.get(), signature.data(), &size, input, signing_input.size()) != 1) {
        crypto_failure("sign");
    }
    if (kind_ == key_kind::ec_p256) {
        return der_to_raw_ecdsa(signature.data(), size);
    }
    return std::string(reinterpret_cast<const char*>(signature.data()), size);
}

wire::wiping_string compact_jws(const boost::json::object& header, const boost::json::object& claims,
                                const signing_key& key) {
    wire::wiping_string token(base64url(boost::json::serialize(header)));
    token += '.';
    token += base64url(boost::json::serialize(claims));
    const std::string signature = key.sign(std::string_view(token.data(), token.size()));
    token += '.';
    token += base64url(signature);
    return token;
}

}  // namespace okta_plugin::okta
