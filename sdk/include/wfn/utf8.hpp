// wfn/utf8.hpp: counting characters (code points) in UTF-8 text, the one
// count that JSON Schema's minLength/maxLength and a node's own length rules
// should agree on. Header-only; pure and thread-safe.
#pragma once

#include <cstddef>
#include <string_view>

namespace wfn {

// The number of code points in `text`: every byte that is not a
// continuation byte (10xxxxxx) starts one. For text that is not valid UTF-8
// this counts lead and stray bytes, so it never reads past the end; check
// validity separately when it matters.
constexpr std::size_t utf8_code_points(std::string_view text) noexcept {
    std::size_t code_points = 0;
    for (const char c : text) {
        if ((static_cast<unsigned char>(c) & 0xC0u) != 0x80u) {
            ++code_points;
        }
    }
    return code_points;
}

}  // namespace wfn
