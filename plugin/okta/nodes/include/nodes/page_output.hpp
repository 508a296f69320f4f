// A ReturnAll output built page by page. When the host takes items as they
// arrive (ABI 1.1), each page's text goes straight to it and nothing of the
// list is kept; otherwise each page's objects are copied from Okta's own
// JSON text (checked by the client, in one streaming pass, to be an array of
// objects) into the one output string, so a long listing is never a DOM and
// never held twice by the node. Either way the output says whether the list
// is complete and, when it is not, the cursor to resume from.
#pragma once

#include "nodes/okta_session.hpp"
#include "okta/client/page_walker.hpp"
#include "okta/protocol/call_result.hpp"

#include <boost/json/object.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace okta_plugin::nodes {

class page_output {
public:
    // `member`: the output's array ("Users", "Groups"). It comes first
    // because it is the only member known before the last page; member
    // order carries no meaning in a JSON object. `first_cursor`: the After
    // the listing starts from, the resume point until a page is read.
    page_output(okta_session& session, std::string_view member, std::string_view first_cursor);

    // Takes one page; false when the host refused it (stop listing).
    bool add_page(const okta::listed_page& page);

    // The page sink for the client's walk.
    okta::page_sink sink() {
        return [this](const okta::listed_page& page) { return add_page(page); };
    }

    // The output: the kept array (unless streamed) and the members of
    // `envelope` (an object with at least StatusCode); the builder is spent.
    std::string finish(const boost::json::object& envelope) &&;

    const std::string& resume_cursor() const noexcept { return resume_cursor_; }

private:
    okta_session& session_;
    std::string member_;
    bool streamed_;
    std::string text_;
    bool first_ = true;
    std::size_t items_ = 0;
    std::string resume_cursor_;
};

// The ReturnAll output of `listed`: on success Complete true and NextCursor
// ""; on a failure the sealed envelope that says why, the items listed so
// far, Complete false and NextCursor to resume from.
std::string finish_listing(const okta_session& session, page_output pages, okta::call_result listed);

}  // namespace okta_plugin::nodes
