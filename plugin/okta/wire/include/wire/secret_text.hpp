// Secrets (the API token, a password; later a private key or an access
// token) live only in wiping storage: memory that is overwritten before it
// goes back to the allocator, whether the text was moved, grown or dropped.
#pragma once

#include "wire/wiping_allocator.hpp"

#include <initializer_list>
#include <string>
#include <string_view>

namespace okta_plugin::wire {

// Text whose heap buffer is wiped before it is freed. Request headers and
// bodies are built in it, so a secret put there leaves no copy behind.
using wiping_string = std::basic_string<char, std::char_traits<char>, wiping_allocator<char>>;

// The one type for a secret: wiped when dropped (its short-string buffer
// too), movable, never copied by accident.
class secret_text {
public:
    secret_text() = default;
    explicit secret_text(std::string_view text) : text_(text) {}
    secret_text(const secret_text&) = delete;
    secret_text& operator=(const secret_text&) = delete;
    secret_text(secret_text&& other) noexcept;
    secret_text& operator=(secret_text&& other) noexcept;
    ~secret_text();

    // Only for putting the secret where it belongs (a header, a body field).
    std::string_view reveal() const noexcept { return text_; }
    bool empty() const noexcept { return text_.empty(); }

    // `prefix` then the secret, built in wiping storage ("SSWS " + token).
    wiping_string prefixed(std::string_view prefix) const;

private:
    wiping_string text_;
};

}  // namespace okta_plugin::wire
