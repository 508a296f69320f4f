#include "wire/secret_text.hpp"

#include <openssl/crypto.h>

#include <utility>

namespace okta_plugin::wire {
namespace {

// The heap buffer is wiped by the allocator; a short text sits inside the
// string object itself, which only this reaches.
void wipe_in_place(wiping_string& text) noexcept {
    OPENSSL_cleanse(text.data(), text.size());
    text.clear();
}

}  // namespace

secret_text::secret_text(secret_text&& other) noexcept : text_(std::move(other.text_)) { wipe_in_place(other.text_); }

secret_text& secret_text::operator=(secret_text&& other) noexcept {
    if (this != &other) {
        wipe_in_place(text_);
        text_ = std::move(other.text_);
        wipe_in_place(other.text_);
    }
    return *this;
}

secret_text::~secret_text() { wipe_in_place(text_); }

wiping_string secret_text::prefixed(std::string_view prefix) const {
    wiping_string text;
    text.reserve(prefix.size() + text_.size());
    text.append(prefix);
    text.append(text_);
    return text;
}

}  // namespace okta_plugin::wire
