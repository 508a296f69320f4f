#include "transport/tls_context.hpp"

#include "wire/ca_bundle.hpp"
#include "transport/system_trust.hpp"
#include "wire/transport_error.hpp"

#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <cstdlib>
#include <functional>
#include <mutex>

namespace okta_plugin::transport {

namespace ssl = boost::asio::ssl;

namespace {

// The system store OpenSSL loads depends on these variables; a context built
// before one changed must not stand in for the new setting.
std::string_view env_or_empty(const char* variable) {
    const char* value = std::getenv(variable);
    return value == nullptr ? std::string_view{} : std::string_view{value};
}

void trust_system_roots(ssl::context& context) {
    const char* directory = X509_get_default_cert_dir();
    const auto source = choose_system_trust(env_or_empty(X509_get_default_cert_file_env()),
                                            env_or_empty(X509_get_default_cert_dir_env()), directory);
    if (source == system_trust_source::hashed_directory &&
        SSL_CTX_load_verify_dir(context.native_handle(), directory) == 1) {
        return;
    }
    context.set_default_verify_paths();
}

// OpenSSL fills a trusted certificate's extension cache (its key
// identifiers, its purposes) the first time a chain is checked against it,
// under that certificate's lock, but later checks read the cache after an
// unlocked look at a flag. Two handshakes checked at once on a context the
// threads share may therefore read a half-written cache: one lock around
// the check gives every later reader the finished one. Checks are short and
// come only with new connections, which the pool keeps few.
int verify_chain_one_at_a_time(X509_STORE_CTX* chain, void* /*unused*/) {
    static std::mutex verifying;
    const std::lock_guard lock(verifying);
    return X509_verify_cert(chain);
}

}  // namespace

std::shared_ptr<ssl::context> make_client_tls_context(std::string_view extra_ca_pem) {
    auto context = std::make_shared<ssl::context>(ssl::context::tls_client);
    if (SSL_CTX_set_min_proto_version(context->native_handle(), TLS1_2_VERSION) != 1) {
        throw wire::transport_error(wire::failure::tls_handshake, "could not require TLS 1.2 or newer in OpenSSL");
    }
    context->set_options(ssl::context::default_workarounds | ssl::context::no_compression);
    context->set_verify_mode(ssl::verify_peer);
    SSL_CTX_set_cert_verify_callback(context->native_handle(), verify_chain_one_at_a_time, nullptr);
    trust_system_roots(*context);
    if (!extra_ca_pem.empty()) {
        if (auto problem = wire::ca_bundle_problem(extra_ca_pem)) {
            throw wire::transport_error(wire::failure::bad_trust_anchor, "the CA certificate is not usable: " + *problem);
        }
        boost::system::error_code ec;
        context->add_certificate_authority(boost::asio::buffer(extra_ca_pem.data(), extra_ca_pem.size()), ec);
        if (ec) {
            throw wire::transport_error(wire::failure::bad_trust_anchor,
                                  "the CA certificate could not be added to the trust store: " + ec.message());
        }
    }
    return context;
}

std::shared_ptr<ssl::context> tls_context_cache::get(std::string_view extra_ca_pem) {
    const std::size_t hash = std::hash<std::string_view>{}(extra_ca_pem);
    const std::string_view cert_file = env_or_empty(X509_get_default_cert_file_env());
    const std::string_view cert_dir = env_or_empty(X509_get_default_cert_dir_env());
    std::lock_guard lock(mutex_);
    for (const auto& cached : contexts_) {
        if (cached.hash == hash && cached.extra_ca_pem == extra_ca_pem && cached.cert_file_env == cert_file &&
            cached.cert_dir_env == cert_dir) {
            return cached.context;
        }
    }
    auto context = make_client_tls_context(extra_ca_pem);
    if (contexts_.size() >= max_entries) {
        contexts_.erase(contexts_.begin());
    }
    contexts_.push_back(
        entry{hash, std::string(extra_ca_pem), std::string(cert_file), std::string(cert_dir), context});
    return context;
}

}  // namespace okta_plugin::transport
