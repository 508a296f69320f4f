#pragma once
// base64url without padding (RFC 7515 section 2), the encoding of every JOSE part.
#include <optional>
#include <string>
#include <string_view>

namespace okta_sandbox {

std::string base64url_encode(std::string_view bytes);

// Nullopt when `text` holds padding, a character outside the base64url alphabet,
// or an impossible length.
std::optional<std::string> base64url_decode(std::string_view text);

}  // namespace okta_sandbox
