#include "transport/request_text.hpp"

#include "wire/ascii.hpp"

#include <algorithm>
#include <charconv>

namespace okta_plugin::transport {

namespace {

// RFC 9110 section 5.6.2: token characters.
bool is_token_char(char c) noexcept {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
        return true;
    }
    return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool is_token(std::string_view name) noexcept {
    return !name.empty() && std::all_of(name.begin(), name.end(), is_token_char);
}

bool splits_the_message(std::string_view text) noexcept {
    return text.find_first_of(std::string_view("\r\n\0", 3)) != std::string_view::npos;
}

bool frames_an_empty_body(wire::method verb) noexcept { return verb == wire::method::post || verb == wire::method::put; }

}  // namespace

std::optional<std::string> write_request_text(const wire::request& request, std::string_view host_field,
                                              wire::wiping_string& out) {
    if (request.target.empty() || splits_the_message(request.target) ||
        request.target.find(' ') != std::string::npos) {
        return std::string("the request target is empty or contains a space or a line break");
    }
    if (splits_the_message(host_field)) {
        return std::string("the Host field contains a line break");
    }
    std::size_t size = request.target.size() + host_field.size() + request.body.size() + 64;
    for (const wire::header& field : request.headers) {
        if (!is_token(field.name)) {
            return "the header name \"" + field.name + "\" is not a valid HTTP field name";
        }
        if (wire::ascii_iequals(field.name, "Host") || wire::ascii_iequals(field.name, "Content-Length")) {
            return "the request sets " + field.name + ", which the transport writes itself";
        }
        if (splits_the_message(field.value)) {
            return "the " + field.name + " header contains a line break or a NUL character";
        }
        size += field.name.size() + field.value.size() + 4;
    }

    out.clear();
    out.reserve(size);
    out.append(wire::method_name(request.verb)).append(" ").append(request.target).append(" HTTP/1.1\r\nHost: ");
    out.append(host_field).append("\r\n");
    for (const wire::header& field : request.headers) {
        out.append(field.name).append(": ").append(field.value).append("\r\n");
    }
    if (!request.body.empty() || frames_an_empty_body(request.verb)) {
        char digits[24];
        const auto written = std::to_chars(digits, digits + sizeof digits, request.body.size());
        out.append("Content-Length: ").append(digits, written.ptr).append("\r\n");
    }
    out.append("\r\n").append(request.body);
    return std::nullopt;
}

}  // namespace okta_plugin::transport
