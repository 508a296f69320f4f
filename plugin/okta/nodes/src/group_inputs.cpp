#include "nodes/node_inputs.hpp"

#include <wfn/plugin.hpp>

namespace okta_plugin::nodes {
namespace {

// Okta's limit on a group name (the Group profile schema).
constexpr text_rule group_name_rule{1, 255, false, false};

}  // namespace

user_groups_input read_user_groups(const boost::json::object& params) {
    const param_reader reader(params, "okta.user.listGroups", {"UserId", "GroupType", "After", "MaxRetries"});
    user_groups_input input;
    input.user_id = read_user_id(reader);
    input.group_type = read_group_type(reader);
    input.after = reader.optional_text("After", cursor_rule).value_or("");
    input.max_retries = read_max_retries(reader);
    return input;
}

list_groups_input read_list_groups(const boost::json::object& params) {
    const param_reader reader(params, "okta.group.list",
                              {"Query", "Search", "Filter", "Limit", "After", "ReturnAll", "MaxRetries"});
    list_groups_input input;
    // Okta lists at most 10,000 groups a page.
    input.query = read_list_query(reader, true, 10'000);
    input.return_all = reader.optional_bool("ReturnAll", false);
    input.max_retries = read_max_retries(reader);
    return input;
}

get_group_input read_get_group(const boost::json::object& params) {
    const param_reader reader(params, "okta.group.get", {"GroupId", "MaxRetries"});
    get_group_input input;
    input.group_id = read_group_id(reader);
    input.max_retries = read_max_retries(reader);
    return input;
}

list_members_input read_list_members(const boost::json::object& params) {
    const param_reader reader(params, "okta.group.listMembers", {"GroupId", "Limit", "After", "ReturnAll", "MaxRetries"});
    list_members_input input;
    input.group_id = read_group_id(reader);
    // Okta lists at most 10,000 members a page.
    input.query = read_list_query(reader, false, 10'000);
    input.return_all = reader.optional_bool("ReturnAll", false);
    input.max_retries = read_max_retries(reader);
    return input;
}

membership_input read_membership(std::string_view node_id, const boost::json::object& params) {
    const param_reader reader(params, node_id, {"GroupId", "GroupName", "UserId", "MaxRetries"});
    membership_input input;
    const bool by_id = reader.has("GroupId");
    if (by_id == reader.has("GroupName")) {
        throw wfn::invalid_input_error("Give exactly one of GroupId and GroupName" +
                                       std::string(by_id ? ", not both." : "."));
    }
    if (by_id) {
        input.group.id = read_group_id(reader);
    } else {
        input.group.name = reader.required_text("GroupName", group_name_rule);
    }
    input.user_id = read_user_id(reader);
    input.max_retries = read_max_retries(reader);
    return input;
}

}  // namespace okta_plugin::nodes
