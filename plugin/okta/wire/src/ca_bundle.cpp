#include "wire/ca_bundle.hpp"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <memory>

namespace okta_plugin::wire {
namespace {

struct bio_free {
    void operator()(BIO* bio) const noexcept { BIO_free(bio); }
};
struct x509_free {
    void operator()(X509* cert) const noexcept { X509_free(cert); }
};

}  // namespace

std::optional<std::string> ca_bundle_problem(std::string_view pem) {
    if (pem.find("-----BEGIN CERTIFICATE-----") == std::string_view::npos) {
        return "it holds no \"-----BEGIN CERTIFICATE-----\" block";
    }
    if (pem.find("PRIVATE KEY-----") != std::string_view::npos) {
        return "it holds a private key; give only the CA certificate";
    }
    std::unique_ptr<BIO, bio_free> bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
    if (!bio) {
        return "it could not be read";
    }
    int certificates = 0;
    for (;;) {
        std::unique_ptr<X509, x509_free> cert(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
        if (!cert) {
            break;
        }
        ++certificates;
    }
    // The loop ends on end-of-data (expected) or on a block that fails to parse.
    const unsigned long error = ERR_peek_last_error();
    const bool clean_end = error == 0 || ERR_GET_REASON(error) == PEM_R_NO_START_LINE;
    ERR_clear_error();
    if (!clean_end) {
        return "a certificate block in it is damaged";
    }
    if (certificates == 0) {
        return "it holds no readable certificate";
    }
    return std::nullopt;
}

}  // namespace okta_plugin::wire
