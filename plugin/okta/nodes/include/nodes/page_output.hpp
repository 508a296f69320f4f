// A ReturnAll output built as text: each page's objects are copied from
// Okta's own JSON text (checked by the client, in one streaming pass, to be
// an array of objects) straight into the one output string, so a long
// listing is never a DOM and never held twice by the node.
#pragma once

#include "nodes/okta_session.hpp"
#include "okta/protocol/call_result.hpp"

#include <boost/json/object.hpp>

#include <string>
#include <string_view>

namespace okta_plugin::nodes {

class page_output {
public:
    // `member`: the output's array ("Users", "Groups"). It comes first
    // because it is the only member known before the last page; member
    // order carries no meaning in a JSON object.
    explicit page_output(std::string_view member);

    void add_page(std::string_view page);

    // Closes the array and appends the members of `envelope` (an object
    // with at least StatusCode); the builder is spent.
    std::string finish(const boost::json::object& envelope) &&;

private:
    std::string text_;
    bool first_ = true;
};

// The ReturnAll output: the pages and the envelope of `listed`; on a
// failure only the sealed envelope (the pages read so far are dropped).
std::string finish_listing(const okta_session& session, page_output pages, okta::call_result listed);

}  // namespace okta_plugin::nodes
