#include "nodes/page_output.hpp"

#include "nodes/output.hpp"

#include <boost/json/serialize.hpp>

namespace okta_plugin::nodes {
namespace {

constexpr std::string_view json_space = " \t\r\n";

// The objects inside a page's JSON array, without the brackets; "" for an
// empty page. The page was checked already: it is one well-formed array.
std::string_view objects_of_page(std::string_view page) {
    const auto open = page.find('[');
    const auto close = page.rfind(']');
    std::string_view inside = page.substr(open + 1, close - open - 1);
    const auto first = inside.find_first_not_of(json_space);
    if (first == std::string_view::npos) {
        return {};
    }
    return inside.substr(first, inside.find_last_not_of(json_space) - first + 1);
}

}  // namespace

page_output::page_output(okta_session& session, std::string_view member, std::string_view first_cursor)
    : session_(session),
      member_(member),
      streamed_(session.context().streams_items()),
      resume_cursor_(first_cursor) {
    text_ = "{";
    if (!streamed_) {
        text_ += boost::json::serialize(boost::json::string(member)) + ":[";
    }
}

bool page_output::add_page(const okta::listed_page& page) {
    if (streamed_) {
        if (!session_.context().emit_items(member_, page.text)) {
            return false;
        }
    } else if (const std::string_view objects = objects_of_page(page.text); !objects.empty()) {
        if (!first_) {
            text_ += ',';
        }
        text_ += objects;
        first_ = false;
    }
    items_ += page.items;
    resume_cursor_ = page.next_cursor;
    session_.listed(items_);
    return true;
}

std::string page_output::finish(const boost::json::object& envelope) && {
    const std::string members = boost::json::serialize(envelope);
    if (!streamed_) {
        text_ += "],";
    }
    text_.append(members, 1);  // without its opening brace: same object
    return std::move(text_);
}

std::string finish_listing(const okta_session& session, page_output pages, okta::call_result listed) {
    if (!listed) {
        boost::json::object output = session.seal(envelope(listed.error()));
        output["NextCursor"] = pages.resume_cursor();
        output["Complete"] = false;
        return std::move(pages).finish(output);
    }
    boost::json::object output = envelope(*listed);
    output["NextCursor"] = "";
    output["Complete"] = true;
    return std::move(pages).finish(output);
}

}  // namespace okta_plugin::nodes
