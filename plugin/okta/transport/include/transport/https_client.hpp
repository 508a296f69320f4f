// The transport's one entry point: send a request to a server over verified
// TLS and get the whole response back. Knows nothing of Okta.
#pragma once

#include "wire/sender.hpp"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace okta_plugin::transport {

struct client_options {
    // See pool_limits for why these values.
    std::size_t max_connections_per_server = 32;
    std::size_t max_idle_connections_per_server = 32;
    std::chrono::seconds max_idle_time{30};
    std::size_t max_body_bytes = 64u * 1024u * 1024u;
    // Bounds one exchange when the host gave the call no deadline at all.
    std::chrono::milliseconds timeout_without_deadline{30000};
};

// Thread-safe: one instance serves every node call of the process.
class https_client final : public wire::sender {
public:
    explicit https_client(client_options options = {});
    https_client(const https_client&) = delete;
    https_client& operator=(const https_client&) = delete;
    ~https_client();

    // Sends `request` to `server` and returns the response, whatever its
    // status. Redirects are returned as they are, never followed. Throws
    // transport_error when no complete response arrived.
    //
    // A kept-alive connection the server closed in the meantime is replaced
    // by a fresh one and the request sent again, but only when that cannot
    // repeat its effect: nothing was sent, or it is a GET and not a byte
    // came back.
    wire::response send(const wire::endpoint& server, const wire::request& request,
                        const wire::call_budget& budget) override;

    // Idle connections kept for `server` (for tests and diagnostics).
    std::size_t idle_connections(const wire::endpoint& server);

private:
    struct impl;
    std::unique_ptr<impl> impl_;
};

}  // namespace okta_plugin::transport
