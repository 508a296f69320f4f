#include "wire/transport_error.hpp"

#include <utility>

namespace okta_plugin::wire {

std::string_view failure_name(failure kind) noexcept {
    switch (kind) {
        case failure::dns: return "dns";
        case failure::connect: return "connect";
        case failure::tls_verify: return "tls_verify";
        case failure::tls_handshake: return "tls_handshake";
        case failure::timeout: return "timeout";
        case failure::cancelled: return "cancelled";
        case failure::connection_closed: return "connection_closed";
        case failure::bad_response: return "bad_response";
        case failure::too_large: return "too_large";
        case failure::bad_trust_anchor: return "bad_trust_anchor";
    }
    return "unknown";
}

transport_error::transport_error(failure kind, std::string message, bool nothing_sent, bool nothing_received)
    : std::runtime_error(std::move(message)),
      kind_(kind),
      nothing_sent_(nothing_sent),
      nothing_received_(nothing_received || nothing_sent) {}

std::string bracketed_host(std::string_view host) {
    return host.find(':') != std::string_view::npos ? "[" + std::string(host) + "]" : std::string(host);
}

std::string describe_server(std::string_view host, unsigned short port) {
    return bracketed_host(host) + ":" + std::to_string(port);
}

}  // namespace okta_plugin::wire
