// What goes over the wire, without Beast: the layers above build requests and
// read responses through these plain types, so they never include Asio.
// Header values and bodies are wiping_string: the Authorization header and
// a body with a password leave no copy behind when dropped.
#pragma once

#include "wire/secret_text.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace okta_plugin::wire {

enum class method { get, post, put, del };

std::string_view method_name(method verb) noexcept;

struct header {
    std::string name;
    wiping_string value;
};

struct request {
    method verb = method::get;
    // Origin-form request target, already percent-encoded: "/api/v1/users?limit=2".
    std::string target;
    // Besides Host and Content-Length, which the transport sets itself.
    std::vector<header> headers;
    wiping_string body;
};

struct response {
    int status = 0;
    std::vector<header> headers;
    std::string body;

    // Every field named `name` (case-insensitive), in arrival order.
    std::vector<std::string_view> values(std::string_view name) const;
    // The first field named `name`, if any.
    std::optional<std::string_view> value(std::string_view name) const;
};

}  // namespace okta_plugin::wire
