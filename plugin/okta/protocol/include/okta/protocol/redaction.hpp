// The last guard before a message leaves the plugin: secrets masked in every
// form a server might echo them in, and messages kept to a readable size.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>

namespace okta_plugin::okta {

// `text` with every occurrence of each non-empty secret replaced by
// "[REDACTED]", as it is and as it reads inside a JSON string (a password
// with `"` or `\` echoed in an error body arrives escaped).
std::string redact(std::string text, std::initializer_list<std::string_view> secrets);

// An ErrorMessage never longer than this many bytes.
inline constexpr std::size_t max_message_bytes = 8 * 1024;

// `text` cut to max_message_bytes on a UTF-8 boundary, saying it was cut.
std::string bounded_message(std::string text);

}  // namespace okta_plugin::okta
