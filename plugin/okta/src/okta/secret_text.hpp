// A string that holds a secret (the API token, a password): wiped from
// memory when destroyed, and impossible to copy by accident.
#pragma once

#include <string>
#include <string_view>

namespace okta_plugin::okta {

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

private:
    std::string text_;
};

// `text` with every occurrence of each non-empty secret replaced by
// "[REDACTED]": the last guard before a message leaves the plugin.
std::string redact(std::string text, std::initializer_list<std::string_view> secrets);

}  // namespace okta_plugin::okta
