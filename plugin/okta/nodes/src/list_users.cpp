// okta.user.list: GET /api/v1/users, one page or (ReturnAll) every page.
//
// The output is built as text: with ReturnAll, each page's users are copied
// from Okta's own JSON text (checked by the client, in one streaming pass,
// to be an array of user objects) straight into the one output string, so a
// long listing is never a DOM and never held twice by this node.
#include "nodes/node_functions.hpp"
#include "nodes/node_inputs.hpp"
#include "nodes/okta_session.hpp"
#include "nodes/output.hpp"

#include <boost/json/serialize.hpp>

#include <string>
#include <string_view>

namespace okta_plugin::nodes {
namespace {

constexpr std::string_view json_space = " \t\r\n";

// The users inside a page's JSON array, without the brackets; "" for an
// empty page. The page was checked already: it is one well-formed array.
std::string_view users_of_page(std::string_view page) {
    const auto open = page.find('[');
    const auto close = page.rfind(']');
    std::string_view inside = page.substr(open + 1, close - open - 1);
    const auto first = inside.find_first_not_of(json_space);
    if (first == std::string_view::npos) {
        return {};
    }
    return inside.substr(first, inside.find_last_not_of(json_space) - first + 1);
}

// Output text under construction: {"Users":[ ... then the envelope. Users
// comes first because it is the only member known before the last page;
// member order carries no meaning in a JSON object.
class users_output {
public:
    users_output() : text_(R"({"Users":[)") {}

    void add_page(std::string_view page) {
        const std::string_view users = users_of_page(page);
        if (users.empty()) {
            return;
        }
        if (!first_) {
            text_ += ',';
        }
        text_ += users;
        first_ = false;
    }

    // Closes the array and appends the members of `envelope` (an object
    // with at least StatusCode); the builder is spent.
    std::string finish(const boost::json::object& envelope) && {
        const std::string members = boost::json::serialize(envelope);
        text_ += "],";
        text_.append(members, 1);  // without its opening brace: same object
        return std::move(text_);
    }

private:
    std::string text_;
    bool first_ = true;
};

}  // namespace

std::string list_users(const wfn::node_call& call) {
    const list_users_input input = read_list_users(call.params);
    okta_session session(call, input.max_retries);
    okta::users_client& client = session.client();
    if (!input.return_all) {
        okta::call_result page = client.list_users(input.query);
        if (!page) {
            return boost::json::serialize(session.seal(envelope(page.error())));
        }
        boost::json::object output = envelope(*page);
        output["Users"] = std::move(page->body);
        output["NextCursor"] = page->next_cursor;
        return boost::json::serialize(output);
    }

    users_output users;
    okta::call_result listed =
        client.list_all_users(input.query, [&users](std::string_view page) { users.add_page(page); });
    if (!listed) {
        return boost::json::serialize(session.seal(envelope(listed.error())));  // the pages read so far are dropped
    }
    boost::json::object output = envelope(*listed);
    output["NextCursor"] = "";
    return std::move(users).finish(output);
}

}  // namespace okta_plugin::nodes
