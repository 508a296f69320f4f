// Paragraphs laid out for a terminal: `wfn-host describe --text` prints
// manifest descriptions that run to several hundred characters.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace wfn::cli {

// The width describe --text lays its text out in: a terminal's default.
inline constexpr std::size_t text_width = 80;

// `paragraph` broken at spaces into lines of at most `width` characters,
// each starting with `indent` and ending with '\n'. Runs of spaces between
// words become one; a word longer than the room (a URL) gets a line of its
// own, unbroken. Widths count bytes: manifests describe in ASCII, and a
// multibyte character is never split, only counted wide. An empty or
// all-space paragraph gives "".
std::string wrapped(std::string_view paragraph, std::string_view indent, std::size_t width = text_width);

}  // namespace wfn::cli
