// The node bodies (wfn::node_function), which the plugin library lists.
#pragma once

#include <wfn/plugin.hpp>

#include <boost/json/object.hpp>

#include <string>

namespace okta_plugin::nodes {

// Users
boost::json::object create_user(const wfn::node_call& call);
std::string get_user(const wfn::node_call& call);
// Listings return their output as text: a ReturnAll listing is built
// without a DOM.
std::string list_users(const wfn::node_call& call);
boost::json::object update_user(const wfn::node_call& call);
boost::json::object delete_user(const wfn::node_call& call);

// User lifecycle
boost::json::object activate_user(const wfn::node_call& call);
boost::json::object deactivate_user(const wfn::node_call& call);
boost::json::object suspend_user(const wfn::node_call& call);
boost::json::object unsuspend_user(const wfn::node_call& call);
boost::json::object unlock_user(const wfn::node_call& call);
boost::json::object reset_password(const wfn::node_call& call);
boost::json::object expire_password(const wfn::node_call& call);

// Groups
std::string list_user_groups(const wfn::node_call& call);
std::string list_groups(const wfn::node_call& call);
boost::json::object get_group(const wfn::node_call& call);
std::string list_group_members(const wfn::node_call& call);
boost::json::object add_user_to_group(const wfn::node_call& call);
boost::json::object remove_user_from_group(const wfn::node_call& call);

// Credentials
boost::json::object test_credentials(const wfn::node_call& call);

}  // namespace okta_plugin::nodes
