#include "transport/connection.hpp"

#include "transport/run_in_slices.hpp"
#include "wire/transport_error.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/error.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/error.hpp>

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509_vfy.h>
#include <poll.h>

#include <utility>

namespace okta_plugin::transport {

namespace net = boost::asio;
namespace ssl = boost::asio::ssl;
using tcp = net::ip::tcp;

namespace {

bool is_ip_literal(const std::string& host) {
    boost::system::error_code ec;
    net::ip::make_address(host, ec);
    return !ec;
}

std::string host_field_for(const std::string& host, std::uint16_t port) {
    std::string field = wire::bracketed_host(host);
    if (port != 443) {
        field += ":" + std::to_string(port);
    }
    return field;
}

}  // namespace

connection::connection(std::shared_ptr<ssl::context> tls, std::string host, std::uint16_t port)
    : tls_(std::move(tls)),
      stream_(io_, *tls_),
      host_(std::move(host)),
      port_(port),
      host_field_(host_field_for(host_, port_)),
      server_(wire::describe_server(host_, port_)) {}

connection::~connection() {
    boost::system::error_code ignored;
    stream_.next_layer().socket().close(ignored);
}

void connection::configure_peer_verification() {
    SSL* handle = stream_.native_handle();
    if (is_ip_literal(host_)) {
        // No SNI for addresses (RFC 6066); the certificate must name the IP.
        if (X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(handle), host_.c_str()) != 1) {
            throw wire::transport_error(wire::failure::tls_handshake, "could not set up address verification for " + server_, true);
        }
    } else {
        SSL_set_hostflags(handle, X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS);
        // SSL_set_tlsext_host_name is a macro with a C cast; this is its body.
        const long sni_set = SSL_ctrl(handle, SSL_CTRL_SET_TLSEXT_HOSTNAME, TLSEXT_NAMETYPE_host_name,
                                      const_cast<char*>(host_.c_str()));
        if (sni_set != 1 || SSL_set1_host(handle, host_.c_str()) != 1) {
            throw wire::transport_error(wire::failure::tls_handshake, "could not set up host name verification for " + server_,
                                  true);
        }
    }
    stream_.set_verify_mode(ssl::verify_peer);
}

void connection::open(const wire::call_budget& budget) {
    auto& socket = stream_.next_layer().socket();
    bool done = false;
    boost::system::error_code ec;

    tcp::resolver resolver(io_);
    tcp::resolver::results_type addresses;
    resolver.async_resolve(host_, std::to_string(port_),
                           [&](boost::system::error_code result, tcp::resolver::results_type found) {
                               ec = result;
                               addresses = std::move(found);
                               done = true;
                           });
    if (auto why = run_in_slices(io_, done, budget, [&] { resolver.cancel(); }); why != wire::interruption::none) {
        detail::throw_interrupted(why, server_, budget, "resolving the host name", true);
    }
    if (ec) {
        throw wire::transport_error(wire::failure::dns, "Could not resolve host " + host_ + ": " + ec.message() + ".", true);
    }

    done = false;
    net::async_connect(socket, addresses, [&](boost::system::error_code result, const tcp::endpoint&) {
        ec = result;
        done = true;
    });
    if (auto why = run_in_slices(io_, done, budget, [&] { socket.close(); }); why != wire::interruption::none) {
        detail::throw_interrupted(why, server_, budget, "connecting", true);
    }
    if (ec == net::error::connection_refused) {
        throw wire::transport_error(wire::failure::connect, "Connection refused by " + server_ + ".", true);
    }
    if (ec) {
        throw wire::transport_error(wire::failure::connect, "Could not connect to " + server_ + ": " + ec.message() + ".", true);
    }
    boost::system::error_code no_delay_refused;  // only slower without it
    socket.set_option(tcp::no_delay(true), no_delay_refused);
    // budgeted_socket waits with poll(), then reads or writes without blocking.
    socket.non_blocking(true, ec);
    if (ec) {
        throw wire::transport_error(wire::failure::connect,
                              "Could not set up the connection to " + server_ + ": " + ec.message() + ".", true);
    }

    configure_peer_verification();
    stream_.next_layer().arm(budget);
    stream_.handshake(ssl::stream_base::client, ec);
    if (const wire::interruption why = stream_.next_layer().interrupted(); why != wire::interruption::none) {
        detail::throw_interrupted(why, server_, budget, "negotiating TLS", true);
    }
    if (ec) {
        const long verify_result = SSL_get_verify_result(stream_.native_handle());
        if (verify_result != X509_V_OK) {
            throw wire::transport_error(wire::failure::tls_verify,
                                  "TLS certificate verify failed for " + server_ + ": " +
                                      X509_verify_cert_error_string(verify_result) + ".",
                                  true);
        }
        throw wire::transport_error(wire::failure::tls_handshake, "TLS handshake with " + server_ + " failed: " + ec.message() + ".",
                              true);
    }
    ERR_clear_error();
    open_ = true;
}

exchange_result connection::exchange(const wire::request& request, const wire::call_budget& budget,
                                     const exchange_limits& limits) {
    try {
        return transport::exchange(stream_, stream_.next_layer(), buffer_, request, host_field_, server_, budget,
                                   limits);
    } catch (...) {
        open_ = false;
        throw;
    }
}

bool connection::still_usable(liveness_check check) {
    if (!open_ || buffer_.size() != 0) {
        return false;
    }
    // Bytes the server sent after its answer may already have left the socket:
    // Asio's TLS engine reads ahead, so a close_notify that came with the
    // answer's last record waits in OpenSSL's input and poll() sees nothing.
    SSL* tls = stream_.native_handle();
    if (SSL_pending(tls) > 0 || BIO_ctrl_pending(SSL_get_rbio(tls)) > 0) {
        return false;
    }
    if (check == liveness_check::skip) {
        return true;
    }
    // Readable while idle means the server closed it (or spoke unasked).
    auto& socket = stream_.next_layer().socket();
    pollfd watch{};
    watch.fd = socket.native_handle();
    watch.events = POLLIN;
    return ::poll(&watch, 1, 0) == 0;
}

}  // namespace okta_plugin::transport
