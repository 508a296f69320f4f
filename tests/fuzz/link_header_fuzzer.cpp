// Fuzzes the Link header parser (RFC 8288) that drives Okta pagination.
//
// Input: one Link field value per line, as when a response carries several
// Link fields; a line may itself hold comma-joined links.
#include "fuzz_input.hpp"

#include "okta/protocol/link_header.hpp"

#include <algorithm>
#include <string>

namespace {

using okta_plugin::okta::web_link;

bool is_lower_case_relation(const std::string& relation) {
    return !relation.empty() && std::none_of(relation.begin(), relation.end(), [](unsigned char c) {
        return c == ' ' || c == '\t' || (c >= 'A' && c <= 'Z');
    });
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = wfn_fuzz::as_text(data, size);
    // Real responses carry a handful of Link fields; more lines only repeat work.
    const std::vector<std::string_view> fields = wfn_fuzz::split(text, "\n", 16);

    // The first rel="next" target across the fields, worked out independently
    // of find_next_link from parse_link_field's own results.
    std::optional<std::string> expected_next;
    for (std::string_view field : fields) {
        for (const web_link& link : okta_plugin::okta::parse_link_field(field)) {
            // The target is what lies between < and the first >.
            wfn_fuzz::check(link.target.find('>') == std::string::npos, "a link target contains '>'");
            for (const std::string& relation : link.relations) {
                wfn_fuzz::check(is_lower_case_relation(relation), "a relation is empty, spaced or not lower-case");
            }
            const bool is_next = std::find(link.relations.begin(), link.relations.end(), "next") != link.relations.end();
            if (is_next && !expected_next) {
                expected_next = link.target;
            }
            (void)okta_plugin::okta::after_cursor_of(link.target);
        }
    }

    const std::optional<std::string> next = okta_plugin::okta::find_next_link(fields);
    wfn_fuzz::check(next == expected_next, "find_next_link disagrees with parse_link_field");
    if (next) {
        (void)okta_plugin::okta::after_cursor_of(*next);
    }
    // The cursor extraction also sees raw, unparsed text.
    (void)okta_plugin::okta::after_cursor_of(text);
    return 0;
}
