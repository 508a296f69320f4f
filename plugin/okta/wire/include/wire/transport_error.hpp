// Why an HTTPS exchange produced no response. The message names the host and
// the failing step; it never holds request contents (headers, body).
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace okta_plugin::wire {

enum class failure {
    dns,                // the host name did not resolve
    connect,            // TCP connection refused, unreachable, reset
    tls_verify,         // the server certificate failed verification
    tls_handshake,      // any other TLS failure
    timeout,            // the call's deadline passed
    cancelled,          // the host abandoned the call
    connection_closed,  // the server closed the connection before a full response
    bad_response,       // not a well-formed HTTP response
    too_large,          // the response is over the body size cap
    bad_trust_anchor,   // the extra CA certificate is not usable PEM
};

// A short stable name for the failure ("timeout"), for logs and tests.
std::string_view failure_name(failure kind) noexcept;

class transport_error : public std::runtime_error {
public:
    transport_error(failure kind, std::string message, bool nothing_sent = false, bool nothing_received = false);

    failure kind() const noexcept { return kind_; }
    // True when no byte of the request left this process: the request can be
    // sent again on another connection without risk of doing it twice.
    bool nothing_sent() const noexcept { return nothing_sent_; }
    // True when the server sent back not a single byte.
    bool nothing_received() const noexcept { return nothing_received_; }

private:
    failure kind_;
    bool nothing_sent_;
    bool nothing_received_;
};

// "::1" as "[::1]", other hosts as they are: how URLs and messages write a host.
std::string bracketed_host(std::string_view host);

// "localhost:8443", or "[::1]:8443" for IPv6: how messages name a server.
std::string describe_server(std::string_view host, unsigned short port);

}  // namespace okta_plugin::wire
