// Helpers shared by the fuzz targets: splitting one fuzz input into the
// several texts a target needs, and failing loudly when an oracle breaks.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <vector>

namespace wfn_fuzz {

// Separates the documents of one input. It can never occur inside a JSON
// text (a raw line break is not allowed in a JSON string), so a seed made of
// real JSON documents splits exactly where its author meant.
inline constexpr std::string_view document_separator = "\n---\n";

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

// `text` cut at each `separator`, into at most `max_parts` pieces (the last
// piece keeps any further separators).
inline std::vector<std::string_view> split(std::string_view text, std::string_view separator,
                                           std::size_t max_parts) {
    std::vector<std::string_view> parts;
    while (parts.size() + 1 < max_parts) {
        const auto at = text.find(separator);
        if (at == std::string_view::npos) {
            break;
        }
        parts.push_back(text.substr(0, at));
        text.remove_prefix(at + separator.size());
    }
    parts.push_back(text);
    return parts;
}

// An oracle of the harness found a wrong result: report it and abort, which
// libFuzzer records as a crash with the input that caused it.
[[noreturn]] inline void fail(const char* what) {
    std::fprintf(stderr, "fuzz oracle failed: %s\n", what);
    std::abort();
}

inline void check(bool holds, const char* what) {
    if (!holds) {
        fail(what);
    }
}

}  // namespace wfn_fuzz
