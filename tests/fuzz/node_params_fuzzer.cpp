// Fuzzes each node's parameter validation and request building, and the
// credential validation, without any transport: nothing is ever sent.
//
// Input:
//   okta.user.get                   the node (any other first line: all five)
//   {"UserId": "alice@example.com"} its parameters, JSON
//   ---                             optional: a separator line, then
//   {"Domain": "https://...", ...}  the credentials, JSON
//
// Oracles: a refusal is always wfn::invalid_input_error (anything else
// escaping would make the node answer 500 instead of -1); every accepted
// value reaches the request target or body exactly, percent-decoding back
// to what was given; an accepted credential can never break a header.
#include "fuzz_input.hpp"

#include "nodes/credentials.hpp"
#include "nodes/node_inputs.hpp"
#include "okta/protocol/user_targets.hpp"

#include <wfn/plugin.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>

#include <array>
#include <map>
#include <optional>
#include <string>

namespace {

namespace okta = okta_plugin::okta;
namespace nodes = okta_plugin::nodes;

// Parses a JSON object, or nothing (the SDK refuses anything else before a
// node runs, so such inputs are of no interest here).
std::optional<boost::json::object> parse_object(std::string_view text) {
    boost::system::error_code ec;
    boost::json::value value = boost::json::parse(text, ec);
    if (ec || !value.is_object()) {
        return std::nullopt;
    }
    return std::move(value.as_object());
}

boost::urls::url_view parse_target(const std::string& target) {
    auto parsed = boost::urls::parse_origin_form(target);
    wfn_fuzz::check(parsed.has_value(), "a request target is not a valid origin-form URL");
    return *parsed;
}

// /api/v1/users/{segment}[?query]: exactly one segment after the
// collection, which decodes back to `id_or_login` (no "/", "?" or "#" of it
// leaked through).
void check_user_target(const std::string& target, std::string_view id_or_login) {
    const boost::urls::url_view url = parse_target(target);
    std::vector<std::string> segments(url.segments().begin(), url.segments().end());
    wfn_fuzz::check(segments.size() == 4 && segments[0] == "api" && segments[1] == "v1" && segments[2] == "users",
                    "a user target is not /api/v1/users/{id}");
    wfn_fuzz::check(segments[3] == id_or_login, "a user target does not decode back to the user id");
}

// The decoded query of `target`, key by key (each key at most once).
std::map<std::string, std::string> query_of(const std::string& target) {
    const boost::urls::url_view url = parse_target(target);
    wfn_fuzz::check(url.encoded_path() == okta::users_path, "a list target is not /api/v1/users");
    std::map<std::string, std::string> query;
    for (const auto& param : url.params()) {
        wfn_fuzz::check(param.has_value, "a query parameter without a value");
        wfn_fuzz::check(query.emplace(param.key, param.value).second, "a query parameter appears twice");
    }
    return query;
}

void check_query_value(const std::map<std::string, std::string>& query, const std::string& key,
                       const std::string& expected) {
    const auto found = query.find(key);
    if (expected.empty()) {
        wfn_fuzz::check(found == query.end(), "an empty list option reached the query");
    } else {
        wfn_fuzz::check(found != query.end() && found->second == expected, "a list option was not sent as given");
    }
}

// The JSON body as users_client sends it, parsed back as Okta would.
void check_body(const boost::json::object& body) {
    const std::string text = boost::json::serialize(body);
    boost::system::error_code ec;
    const boost::json::value reparsed = boost::json::parse(text, ec);
    wfn_fuzz::check(!ec && reparsed == boost::json::value(body), "a request body does not survive serialisation");
}

// A password reaches Okta as credentials.password.value, and only there.
void check_password_in_body(const boost::json::object& body, std::string_view password) {
    if (password.empty()) {
        wfn_fuzz::check(!body.contains("credentials"), "credentials in a body without a Password");
        return;
    }
    boost::system::error_code ec;
    const boost::json::value whole(body);
    const boost::json::value* value = whole.find_pointer("/credentials/password/value", ec);
    wfn_fuzz::check(value != nullptr && value->is_string() && value->as_string() == password,
                    "the Password is not credentials.password.value");
}

// The request a node whose target is one user (get, update, delete) sends
// first: the user's own URL, or a login search when the login holds "/".
void check_user_lookup(const std::string& id_or_login) {
    if (okta::needs_login_filter(id_or_login)) {
        okta::list_query query;
        query.search = okta::login_filter(id_or_login);
        check_query_value(query_of(okta::list_users_target(query)), "search", query.search);
    } else {
        check_user_target(okta::user_target(id_or_login), id_or_login);
    }
}

void build_create(const boost::json::object& params) {
    const nodes::create_user_input input = nodes::read_create_user(params);
    const std::string target = okta::create_user_target(input.activate);
    wfn_fuzz::check(query_of(target).at("activate") == (input.activate ? "true" : "false"),
                    "activate was not sent as given");
    check_body(input.body);
    check_password_in_body(input.body, input.password.reveal());
    wfn_fuzz::check(input.body.contains("profile"), "a create body without a profile");
}

void build_get(const boost::json::object& params) {
    const nodes::get_user_input input = nodes::read_get_user(params);
    check_user_lookup(input.user_id);
}

void build_list(const boost::json::object& params) {
    const nodes::list_users_input input = nodes::read_list_users(params);
    const auto query = query_of(okta::list_users_target(input.query));
    check_query_value(query, "search", input.query.search);
    check_query_value(query, "filter", input.query.filter);
    check_query_value(query, "q", input.query.q);
    check_query_value(query, "after", input.query.after);
    check_query_value(query, "limit", input.query.limit > 0 ? std::to_string(input.query.limit) : "");
    wfn_fuzz::check(input.query.limit >= 0 && input.query.limit <= 200, "a Limit outside 0..200 was accepted");
}

void build_update(const boost::json::object& params) {
    const nodes::update_user_input input = nodes::read_update_user(params);
    check_user_lookup(input.user_id);
    // Once resolved, the update goes to the id Okta returned; any id works here.
    check_user_target(okta::user_target("00u1abcdefghijklmno0"), "00u1abcdefghijklmno0");
    check_body(input.body);
    check_password_in_body(input.body, input.password.reveal());
    wfn_fuzz::check(!input.body.empty(), "an update with nothing to update was accepted");
}

void build_delete(const boost::json::object& params) {
    const nodes::delete_user_input input = nodes::read_delete_user(params);
    check_user_lookup(input.user_id);
    const std::string id = okta::needs_login_filter(input.user_id) ? "00u1abcdefghijklmno0" : input.user_id;
    const std::string target = okta::delete_user_target(id, input.send_email);
    check_user_target(target, id);
    const boost::urls::url_view url = parse_target(target);
    wfn_fuzz::check(input.send_email ? url.encoded_query() == "sendEmail=true" : !url.has_query(),
                    "SendEmail was not sent as given");
}

struct node_builder {
    std::string_view id;
    void (*build)(const boost::json::object& params);
};

constexpr std::array<node_builder, 5> builders{{
    {"okta.user.create", &build_create},
    {"okta.user.get", &build_get},
    {"okta.user.list", &build_list},
    {"okta.user.update", &build_update},
    {"okta.user.delete", &build_delete},
}};

void run_node(const node_builder& node, const boost::json::object& params) {
    bool built = true;
    try {
        node.build(params);
    } catch (const wfn::invalid_input_error& refusal) {
        built = false;
        wfn_fuzz::check(std::string_view(refusal.what()).size() > 0, "a refusal without a message");
    }
    // validate_params is what the manifest tests rely on: it must agree.
    bool valid = true;
    try {
        nodes::validate_params(node.id, params);
    } catch (const wfn::invalid_input_error&) {
        valid = false;
    }
    wfn_fuzz::check(built == valid, "validate_params disagrees with the node's own reading");
}

void run_credentials(const boost::json::object& credentials) {
    nodes::org_connection connection;
    try {
        connection = nodes::read_credentials(credentials);
    } catch (const wfn::invalid_input_error&) {
        return;
    }
    // The token goes into "Authorization: SSWS <token>" and the host into the
    // TLS name and Host header: nothing in them may end a header line.
    for (unsigned char c : connection.token.reveal()) {
        wfn_fuzz::check(c > 0x20 && c < 0x7F, "an accepted ApiToken holds a space, control or non-ASCII byte");
    }
    for (unsigned char c : connection.org.host) {
        wfn_fuzz::check(c > 0x20 && c != 0x7F, "an accepted Domain host holds a space or control byte");
    }
    wfn_fuzz::check(connection.org.origin.starts_with("https://"), "an accepted Domain is not https");
    wfn_fuzz::check(connection.org.port != 0, "an accepted Domain has port 0");
    wfn_fuzz::check(okta::same_origin(connection.org, connection.org.origin + "/api/v1/users"),
                    "the org's own URL is not on its own origin");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = wfn_fuzz::as_text(data, size);
    const auto line_end = text.find('\n');
    const std::string_view node_id = text.substr(0, line_end);
    const std::string_view rest = line_end == std::string_view::npos ? std::string_view{} : text.substr(line_end + 1);
    const std::vector<std::string_view> documents = wfn_fuzz::split(rest, wfn_fuzz::document_separator, 2);

    if (const auto params = parse_object(documents[0])) {
        bool known = false;
        for (const node_builder& node : builders) {
            if (node.id == node_id) {
                known = true;
                run_node(node, *params);
            }
        }
        if (!known) {
            for (const node_builder& node : builders) {
                run_node(node, *params);
            }
        }
    }
    if (documents.size() > 1) {
        if (const auto credentials = parse_object(documents[1])) {
            run_credentials(*credentials);
        }
    }
    return 0;
}
