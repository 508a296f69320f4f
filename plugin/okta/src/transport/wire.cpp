#include "transport/wire.hpp"

#include <openssl/crypto.h>

#include <algorithm>
#include <cctype>

namespace okta_plugin::transport {
namespace {

bool iequals(std::string_view a, std::string_view b) noexcept {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

}  // namespace

std::string_view method_name(method verb) noexcept {
    switch (verb) {
        case method::get: return "GET";
        case method::post: return "POST";
        case method::put: return "PUT";
        case method::del: return "DELETE";
    }
    return "GET";
}

void wipe(std::string& text) noexcept {
    if (!text.empty()) {
        OPENSSL_cleanse(text.data(), text.size());
    }
    text.clear();
}

wire_request::~wire_request() {
    for (header& field : headers) {
        if (field.sensitive) {
            wipe(field.value);
        }
    }
    if (body_is_sensitive) {
        wipe(body);
    }
}

std::vector<std::string_view> wire_response::values(std::string_view name) const {
    std::vector<std::string_view> found;
    for (const header& field : headers) {
        if (iequals(field.name, name)) {
            found.emplace_back(field.value);
        }
    }
    return found;
}

std::optional<std::string_view> wire_response::value(std::string_view name) const {
    for (const header& field : headers) {
        if (iequals(field.name, name)) {
            return std::string_view(field.value);
        }
    }
    return std::nullopt;
}

}  // namespace okta_plugin::transport
