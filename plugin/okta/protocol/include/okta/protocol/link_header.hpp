// Web Linking (RFC 8288) Link header parsing, for Okta's pagination.
//
// Hand-written by necessity: neither Boost nor OpenSSL parses Link headers,
// and the traps are real: the self link carries a cursor too,
// fields arrive several or comma-joined, in any order, with quoted params.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace okta_plugin::okta {

struct web_link {
    std::string target;                  // the URI-Reference between < and >
    std::vector<std::string> relations;  // lower-cased rel values ("next", "self")
};

// Every well-formed link-value in one field value (links may be
// comma-joined). A malformed link-value is skipped, never guessed at.
std::vector<web_link> parse_link_field(std::string_view field_value);

// The target of the first link whose rel includes "next", across every Link
// field of one response; nothing when there is none (the last page).
std::optional<std::string> find_next_link(const std::vector<std::string_view>& link_fields);

// The decoded value of the `after` query parameter of `url`, or nothing.
std::optional<std::string> after_cursor_of(std::string_view url);

}  // namespace okta_plugin::okta
