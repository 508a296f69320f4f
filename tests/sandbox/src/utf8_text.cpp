#include "utf8_text.hpp"

#include <algorithm>

namespace okta_sandbox {
namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool same_ignoring_case(char a, char b) { return lower(a) == lower(b); }

}  // namespace

std::size_t code_point_count(std::string_view utf8) {
  // Every code point has exactly one byte that is not a continuation byte (10xxxxxx).
  return static_cast<std::size_t>(std::count_if(utf8.begin(), utf8.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U;
  }));
}

bool has_four_byte_character(std::string_view utf8) {
  // A lead byte 11110xxx starts a 4-byte sequence.
  return std::any_of(utf8.begin(), utf8.end(),
                     [](char c) { return (static_cast<unsigned char>(c) & 0xF8U) == 0xF0U; });
}

std::string ascii_lower(std::string_view text) {
  std::string result(text);
  std::transform(result.begin(), result.end(), result.begin(), lower);
  return result;
}

bool iequals_ascii(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), same_ignoring_case);
}

bool istarts_with_ascii(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && iequals_ascii(text.substr(0, prefix.size()), prefix);
}

bool icontains_ascii(std::string_view text, std::string_view part) {
  return std::search(text.begin(), text.end(), part.begin(), part.end(), same_ignoring_case) != text.end();
}

}  // namespace okta_sandbox
