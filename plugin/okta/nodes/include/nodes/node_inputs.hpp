// Each node's parameters, validated into the request it will send. Reading
// them sends nothing; a refusal throws wfn::invalid_input_error naming the
// parameter (StatusCode -1).
#pragma once

#include "nodes/common_inputs.hpp"
#include "okta/client/groups_client.hpp"
#include "okta/protocol/json_body.hpp"
#include "okta/protocol/lifecycle_rules.hpp"
#include "okta/protocol/user_targets.hpp"
#include "wire/secret_text.hpp"

#include <boost/json/object.hpp>

#include <string>
#include <string_view>

namespace okta_plugin::nodes {


// The body lives in wiping storage, since it may hold the password.
struct create_user_input {
    boost::json::object body{okta::wiping_json_storage()};  // Okta's CreateUserRequest
    bool activate = true;
    wire::secret_text password;  // empty when none; kept for redaction
    int max_retries = default_max_retries;
};

struct get_user_input {
    std::string user_id;  // an id or a login
    bool include_groups = false;
    std::string group_type;  // only groups of this type; empty: all
    int max_retries = default_max_retries;
};

struct list_users_input {
    okta::list_query query;
    bool return_all = false;
    int max_retries = default_max_retries;
};

// The body lives in wiping storage, since it may hold the password.
struct update_user_input {
    std::string user_id;
    boost::json::object body{okta::wiping_json_storage()};  // only the fields that change
    wire::secret_text password;
    int max_retries = default_max_retries;
};

struct delete_user_input {
    std::string user_id;
    bool send_email = false;
    bool deactivate_only = false;
    int max_retries = default_max_retries;
};

// The seven lifecycle nodes: which operation, on whom.
struct lifecycle_input {
    okta::lifecycle_step step = okta::lifecycle_step::activate;
    std::string user_id;
    bool send_email = false;
    int max_retries = default_max_retries;
};

struct user_groups_input {
    std::string user_id;
    std::string group_type;  // only groups of this type; empty: all
    std::string after;       // resume after this cursor; empty: the first page
    int max_retries = default_max_retries;
};

struct list_groups_input {
    okta::list_query query;
    bool return_all = false;
    int max_retries = default_max_retries;
};

struct credential_test_input {
    int max_retries = default_max_retries;
};

struct get_group_input {
    std::string group_id;
    int max_retries = default_max_retries;
};

struct list_members_input {
    std::string group_id;
    okta::list_query query;  // limit and after only
    bool return_all = false;
    int max_retries = default_max_retries;
};

struct membership_input {
    okta::group_reference group;  // GroupId or GroupName, exactly one
    std::string user_id;
    int max_retries = default_max_retries;
};

create_user_input read_create_user(const boost::json::object& params);
get_user_input read_get_user(const boost::json::object& params);
list_users_input read_list_users(const boost::json::object& params);
update_user_input read_update_user(const boost::json::object& params);
delete_user_input read_delete_user(const boost::json::object& params);

// Whether `node_id` is one of the seven lifecycle nodes.
bool is_lifecycle_node(std::string_view node_id) noexcept;
// `node_id` is the lifecycle node's id (okta.user.activate, ...).
lifecycle_input read_lifecycle(std::string_view node_id, const boost::json::object& params);
user_groups_input read_user_groups(const boost::json::object& params);
list_groups_input read_list_groups(const boost::json::object& params);
get_group_input read_get_group(const boost::json::object& params);
credential_test_input read_credential_test(const boost::json::object& params);
list_members_input read_list_members(const boost::json::object& params);
// `node_id` is okta.group.addUser or okta.group.removeUser.
membership_input read_membership(std::string_view node_id, const boost::json::object& params);

// Validates `params` for the node `node_id` exactly as the node itself does. For tests that compare the nodes with their manifests.
void validate_params(std::string_view node_id, const boost::json::object& params);

}  // namespace okta_plugin::nodes
