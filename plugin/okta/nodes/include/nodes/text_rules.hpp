// What Okta accepts in a text value: UTF-8 of at most 3 bytes
// per character, lengths counted in characters, no control characters in
// identifiers.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace okta_plugin::nodes {

struct text_rule {
    std::size_t min_chars = 1;
    std::size_t max_chars = 1024;
    // Line breaks and tabs are fine in free text, never in ids or logins.
    bool allow_line_breaks = false;
    bool must_be_email = false;
};

// Why `text` breaks `rule`, as the end of a sentence that starts with the
// parameter name ("is empty", "must be 1 to 50 characters long (it has 51)");
// nothing when it is fine.
std::optional<std::string> text_problem(std::string_view text, const text_rule& rule);

// Characters (code points) in valid UTF-8.
std::size_t count_characters(std::string_view utf8);

// A plain check of the address shape local@domain.tld; Okta applies the
// full RFC 5322 rules itself.
bool looks_like_email(std::string_view text);

}  // namespace okta_plugin::nodes
