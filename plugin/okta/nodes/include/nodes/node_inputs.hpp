// Each node's parameters, validated into the request it will send. Reading
// them sends nothing; a refusal throws wfn::invalid_input_error naming the
// parameter (StatusCode -1).
#pragma once

#include "okta/protocol/json_body.hpp"
#include "okta/protocol/user_targets.hpp"
#include "wire/secret_text.hpp"

#include <boost/json/object.hpp>

#include <string>
#include <string_view>

namespace okta_plugin::nodes {

// MaxRetries: resends of each request, whatever their cause (a 429, a
// retryable 5xx, a lost connection); every node takes it.
inline constexpr int default_max_retries = 2;
inline constexpr int highest_max_retries = 10;

// The body lives in wiping storage, since it may hold the password.
struct create_user_input {
    boost::json::object body{okta::wiping_json_storage()};  // Okta's CreateUserRequest
    bool activate = true;
    wire::secret_text password;  // empty when none; kept for redaction
    int max_retries = default_max_retries;
};

struct get_user_input {
    std::string user_id;  // an id or a login
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

create_user_input read_create_user(const boost::json::object& params);
get_user_input read_get_user(const boost::json::object& params);
list_users_input read_list_users(const boost::json::object& params);
update_user_input read_update_user(const boost::json::object& params);
delete_user_input read_delete_user(const boost::json::object& params);

// Validates `params` for the node `node_id` (one of the five) exactly as the
// node itself does. For tests that compare the nodes with their manifests.
void validate_params(std::string_view node_id, const boost::json::object& params);

}  // namespace okta_plugin::nodes
