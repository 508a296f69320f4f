#include "okta/secret_text.hpp"

#include "transport/wire.hpp"

#include <utility>

namespace okta_plugin::okta {

secret_text::secret_text(secret_text&& other) noexcept : text_(std::move(other.text_)) {
    transport::wipe(other.text_);
}

secret_text& secret_text::operator=(secret_text&& other) noexcept {
    if (this != &other) {
        transport::wipe(text_);
        text_ = std::move(other.text_);
        transport::wipe(other.text_);
    }
    return *this;
}

secret_text::~secret_text() { transport::wipe(text_); }

std::string redact(std::string text, std::initializer_list<std::string_view> secrets) {
    static constexpr std::string_view mask = "[REDACTED]";
    for (std::string_view secret : secrets) {
        // Very short values would mask innocent words; tokens and passwords
        // the plugin accepts are longer than this.
        if (secret.size() < 4) {
            continue;
        }
        for (auto at = text.find(secret); at != std::string::npos; at = text.find(secret, at + mask.size())) {
            text.replace(at, secret.size(), mask);
        }
    }
    return text;
}

}  // namespace okta_plugin::okta
