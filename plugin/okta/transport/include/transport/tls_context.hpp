// TLS client settings, one ssl::context per trust configuration.
#pragma once

#include <boost/asio/ssl/context.hpp>

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace okta_plugin::transport {

// TLS 1.2 or newer, peer verification on, trusting the system store (read
// lazily where it can be, see system_trust.hpp; OpenSSL reads SSL_CERT_FILE /
// SSL_CERT_DIR itself) plus `extra_ca_pem` if given. There is deliberately
// no way to turn verification off.
std::shared_ptr<boost::asio::ssl::context> make_client_tls_context(std::string_view extra_ca_pem);

// Contexts are costly to build (the system store may be parsed each time) and
// safe to share between connections and threads, so they are kept per trust
// configuration: the extra CA and the SSL_CERT_FILE / SSL_CERT_DIR values.
// Thread-safe.
class tls_context_cache {
public:
    std::shared_ptr<boost::asio::ssl::context> get(std::string_view extra_ca_pem);

private:
    // A handful of trust configurations per process is the norm; past this
    // the oldest is dropped (connections holding it keep it alive).
    static constexpr std::size_t max_entries = 16;

    // Looked up on every call, so the lookup copies nothing: the hash picks
    // candidates, then the PEM and the variables are compared in place.
    struct entry {
        std::size_t hash;
        std::string extra_ca_pem;
        std::string cert_file_env;
        std::string cert_dir_env;
        std::shared_ptr<boost::asio::ssl::context> context;
    };

    std::mutex mutex_;
    std::vector<entry> contexts_;  // oldest first
};

}  // namespace okta_plugin::transport
