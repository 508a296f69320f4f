#pragma once
// Text checks Okta applies to profile values. Input is always valid UTF-8:
// Boost.JSON refuses anything else while parsing the request body.
#include <cstddef>
#include <string>
#include <string_view>

namespace okta_sandbox {

// Length in characters (code points), the unit of the spec's minLength/maxLength.
std::size_t code_point_count(std::string_view utf8);

// Okta stores at most 3 bytes per character, so 4-byte sequences (emoji and other
// characters outside the Basic Multilingual Plane) are refused.
bool has_four_byte_character(std::string_view utf8);

std::string ascii_lower(std::string_view text);

bool iequals_ascii(std::string_view a, std::string_view b);
bool istarts_with_ascii(std::string_view text, std::string_view prefix);
bool icontains_ascii(std::string_view text, std::string_view part);

}  // namespace okta_sandbox
