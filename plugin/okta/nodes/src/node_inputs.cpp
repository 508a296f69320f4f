#include "nodes/node_inputs.hpp"

#include "nodes/common_inputs.hpp"
#include "nodes/param_reader.hpp"

#include <wfn/plugin.hpp>

#include <boost/json/array.hpp>

#include <array>

namespace okta_plugin::nodes {
namespace {

// Okta's limits (its UserProfile schema).
constexpr text_rule login_rule{5, 100, false, false};
constexpr text_rule email_rule{5, 100, false, true};
constexpr text_rule name_rule{1, 50, false, false};
constexpr text_rule password_rule{1, 256, false, false};
constexpr std::size_t max_group_ids = 20;

// The named parameters own these profile attributes; Profile must not
// repeat them (which value would win would be a guess).
constexpr std::array<std::pair<std::string_view, std::string_view>, 4> named_attributes{{
    {"login", "UserName"}, {"email", "Email"}, {"firstName", "FirstName"}, {"lastName", "LastName"}}};

// Profile's extra attributes, checked not to collide with the named ones.
boost::json::object read_profile_extras(const param_reader& reader) {
    boost::json::object extras = reader.optional_object("Profile").value_or(boost::json::object{});
    for (const auto& [attribute, parameter] : named_attributes) {
        if (extras.contains(attribute)) {
            throw wfn::invalid_input_error("Profile." + std::string(attribute) + " duplicates the " +
                                           std::string(parameter) + " parameter; set it with " +
                                           std::string(parameter) + " only.");
        }
    }
    return extras;
}

// credentials.password.value, in the body's own (wiping) storage.
void put_password(boost::json::object& body, const wire::secret_text& password) {
    boost::json::object value(body.storage());
    value["value"] = boost::json::string(password.reveal(), body.storage());
    boost::json::object credentials(body.storage());
    credentials["password"] = std::move(value);
    body["credentials"] = std::move(credentials);
}

}  // namespace

create_user_input read_create_user(const boost::json::object& params) {
    const param_reader reader(params, "okta.user.create",
                              {"UserName", "Email", "FirstName", "LastName", "Password", "Activate", "Profile",
                               "GroupIds", "MaxRetries"});
    create_user_input input;
    boost::json::object profile;
    profile["firstName"] = reader.required_text("FirstName", name_rule);
    profile["lastName"] = reader.required_text("LastName", name_rule);
    profile["email"] = reader.required_text("Email", email_rule);
    profile["login"] = reader.required_text("UserName", login_rule);
    for (auto& member : read_profile_extras(reader)) {
        profile[member.key()] = std::move(member.value());
    }
    input.body["profile"] = std::move(profile);
    if (auto password = reader.optional_secret("Password", password_rule)) {
        input.password = std::move(*password);
        put_password(input.body, input.password);
    }
    const auto groups = reader.optional_text_list("GroupIds", max_group_ids, group_id_rule);
    if (!groups.empty()) {
        boost::json::array ids;
        for (const auto& id : groups) {
            ids.emplace_back(id);
        }
        input.body["groupIds"] = std::move(ids);
    }
    input.activate = reader.optional_bool("Activate", true);
    input.max_retries = read_max_retries(reader);
    return input;
}

get_user_input read_get_user(const boost::json::object& params) {
    const param_reader reader(params, "okta.user.get", {"UserId", "IncludeGroups", "GroupType", "MaxRetries"});
    get_user_input input;
    input.user_id = read_user_id(reader);
    input.include_groups = reader.optional_bool("IncludeGroups", false);
    input.group_type = read_group_type(reader);  // without IncludeGroups there is nothing to filter
    input.max_retries = read_max_retries(reader);
    return input;
}

list_users_input read_list_users(const boost::json::object& params) {
    const param_reader reader(params, "okta.user.list",
                              {"Limit", "After", "Search", "Filter", "Query", "ReturnAll", "MaxRetries"});
    list_users_input input;
    input.query = read_list_query(reader, true);
    input.return_all = reader.optional_bool("ReturnAll", false);
    input.max_retries = read_max_retries(reader);
    return input;
}

update_user_input read_update_user(const boost::json::object& params) {
    const param_reader reader(params, "okta.user.update",
                              {"UserId", "UserName", "Email", "FirstName", "LastName", "Password", "Profile",
                               "MaxRetries"});
    update_user_input input;
    input.user_id = read_user_id(reader);
    boost::json::object profile = read_profile_extras(reader);
    if (auto login = reader.optional_text("UserName", login_rule)) {
        profile["login"] = *login;
    }
    if (auto email = reader.optional_text("Email", email_rule)) {
        profile["email"] = *email;
    }
    if (auto first = reader.optional_text("FirstName", name_rule)) {
        profile["firstName"] = *first;
    }
    if (auto last = reader.optional_text("LastName", name_rule)) {
        profile["lastName"] = *last;
    }
    if (!profile.empty()) {
        input.body["profile"] = std::move(profile);
    }
    if (auto password = reader.optional_secret("Password", password_rule)) {
        input.password = std::move(*password);
        put_password(input.body, input.password);
    }
    if (input.body.empty()) {
        throw wfn::invalid_input_error(
            "Nothing to update: give at least one of UserName, Email, FirstName, LastName, Password or a non-empty "
            "Profile.");
    }
    input.max_retries = read_max_retries(reader);
    return input;
}

delete_user_input read_delete_user(const boost::json::object& params) {
    const param_reader reader(params, "okta.user.delete", {"UserId", "SendEmail", "DeactivateOnly", "MaxRetries"});
    delete_user_input input;
    input.user_id = read_user_id(reader);
    input.send_email = reader.optional_bool("SendEmail", false);
    input.deactivate_only = reader.optional_bool("DeactivateOnly", false);
    input.max_retries = read_max_retries(reader);
    return input;
}

}  // namespace okta_plugin::nodes
