#include "wire/http_message.hpp"

#include "wire/ascii.hpp"

namespace okta_plugin::wire {

std::string_view method_name(method verb) noexcept {
    switch (verb) {
        case method::get: return "GET";
        case method::post: return "POST";
        case method::put: return "PUT";
        case method::del: return "DELETE";
    }
    return "GET";
}

std::vector<std::string_view> response::values(std::string_view name) const {
    std::vector<std::string_view> found;
    for (const header& field : headers) {
        if (ascii_iequals(field.name, name)) {
            found.emplace_back(field.value);
        }
    }
    return found;
}

std::optional<std::string_view> response::value(std::string_view name) const {
    for (const header& field : headers) {
        if (ascii_iequals(field.name, name)) {
            return std::string_view(field.value);
        }
    }
    return std::nullopt;
}

}  // namespace okta_plugin::wire
