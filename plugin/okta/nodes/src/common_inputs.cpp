#include "nodes/common_inputs.hpp"

#include <wfn/plugin.hpp>

namespace okta_plugin::nodes {
namespace {

void refuse_dot_segments(std::string_view name, const std::string& value, std::string_view what) {
    if (value == "." || value == "..") {
        throw wfn::invalid_input_error(std::string(name) + " \"" + value + "\" is not " + std::string(what) + ".");
    }
}

}  // namespace

int read_max_retries(const param_reader& reader) {
    return static_cast<int>(reader.optional_integer("MaxRetries", 0, highest_max_retries).value_or(default_max_retries));
}

std::string read_user_id(const param_reader& reader) {
    std::string id = reader.required_text("UserId", user_id_rule);
    refuse_dot_segments("UserId", id, "a user id or login");
    if (okta::is_self_alias(id)) {
        throw wfn::invalid_input_error("UserId \"" + id + "\" is refused: Okta reads it as the API token's own admin, "
                                       "not a user; give the user's id or login.");
    }
    return id;
}

std::string read_group_id(const param_reader& reader, std::string_view name) {
    std::string id = reader.required_text(name, group_id_rule);
    refuse_dot_segments(name, id, "a group id");
    return id;
}

std::string read_group_type(const param_reader& reader) {
    std::string type = reader.optional_text("GroupType", text_rule{1, 20, false, false}).value_or("");
    if (!type.empty() && type != "OKTA_GROUP" && type != "APP_GROUP" && type != "BUILT_IN") {
        throw wfn::invalid_input_error("GroupType must be OKTA_GROUP, APP_GROUP or BUILT_IN, not \"" + type + "\".");
    }
    return type;
}

okta::list_query read_list_query(const param_reader& reader, bool with_expressions, std::int64_t max_limit) {
    okta::list_query query;
    if (auto limit = reader.optional_integer("Limit", 0, max_limit)) {
        query.limit = *limit;
    }
    // An empty After is the "no more pages" NextCursor handed back: start over
    // at the first page rather than refuse it.
    query.after = reader.optional_text("After", cursor_rule).value_or("");
    if (with_expressions) {
        query.search = reader.optional_text("Search", expression_rule).value_or("");
        query.filter = reader.optional_text("Filter", expression_rule).value_or("");
        query.q = reader.optional_text("Query", expression_rule).value_or("");
    }
    return query;
}

}  // namespace okta_plugin::nodes
