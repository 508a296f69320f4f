// The seam between the Okta client and whatever carries its requests: the
// HTTPS transport in the plugin, a scripted exchange in the client's tests.
#pragma once

#include "wire/call_budget.hpp"
#include "wire/http_message.hpp"

#include <cstdint>
#include <string>

namespace okta_plugin::wire {

struct endpoint {
    std::string host;  // a DNS name or an IP address, without brackets
    std::uint16_t port = 443;
    // PEM certificates trusted in addition to the system store (may be empty).
    std::string extra_ca_pem;
};

class sender {
public:
    virtual ~sender() = default;

    // Sends `request` to `server` and returns the response, whatever its
    // status; redirects come back as they are. Throws transport_error when
    // no complete response arrived, saying whether anything was sent.
    // Implementations are thread-safe: one serves every node call.
    virtual response send(const endpoint& server, const request& request, const call_budget& budget) = 0;
};

}  // namespace okta_plugin::wire
