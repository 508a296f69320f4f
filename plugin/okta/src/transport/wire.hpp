// What goes over the wire, without Beast: the layers above build requests and
// read responses through these plain types, so they never include Asio.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace okta_plugin::transport {

enum class method { get, post, put, del };

std::string_view method_name(method verb) noexcept;

struct header {
    std::string name;
    std::string value;
    // A secret (such as Authorization): wiped from memory when dropped.
    bool sensitive = false;
};

struct wire_request {
    wire_request() = default;
    wire_request(const wire_request&) = delete;
    wire_request& operator=(const wire_request&) = delete;
    wire_request(wire_request&&) = default;
    wire_request& operator=(wire_request&&) = default;
    ~wire_request();

    method verb = method::get;
    // Origin-form request target, already percent-encoded: "/api/v1/users?limit=2".
    std::string target;
    // Besides Host and Content-Length, which the transport sets itself.
    std::vector<header> headers;
    std::string body;
    // The body holds a secret (a password): wiped from memory when dropped.
    bool body_is_sensitive = false;
};

struct wire_response {
    int status = 0;
    std::vector<header> headers;
    std::string body;

    // Every field named `name` (case-insensitive), in arrival order.
    std::vector<std::string_view> values(std::string_view name) const;
    // The first field named `name`, if any.
    std::optional<std::string_view> value(std::string_view name) const;
};

// Overwrites a string's bytes before its memory goes back to the allocator.
void wipe(std::string& text) noexcept;

}  // namespace okta_plugin::transport
