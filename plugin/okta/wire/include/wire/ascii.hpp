// ASCII case rules for protocol text (header names, host names, logins
// compared the way Okta compares them). Beast's iequals does the same, but
// only the transport compiles Beast, and mixing its header-only and
// separately compiled forms in one program breaks the one-definition rule.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>

namespace okta_plugin::wire {

constexpr char ascii_lower(char c) noexcept { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

constexpr bool ascii_iequals(std::string_view a, std::string_view b) noexcept {
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return ascii_lower(x) == ascii_lower(y); });
}

inline std::string ascii_lowered(std::string_view text) {
    std::string lowered(text);
    std::transform(lowered.begin(), lowered.end(), lowered.begin(), ascii_lower);
    return lowered;
}

}  // namespace okta_plugin::wire
