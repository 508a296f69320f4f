// The five node bodies (wfn::node_function), which the plugin library lists.
#pragma once

#include <wfn/plugin.hpp>

#include <boost/json/object.hpp>

#include <string>

namespace okta_plugin::nodes {

boost::json::object create_user(const wfn::node_call& call);
boost::json::object get_user(const wfn::node_call& call);
// Returns its output as text: a ReturnAll listing is built without a DOM.
std::string list_users(const wfn::node_call& call);
boost::json::object update_user(const wfn::node_call& call);
boost::json::object delete_user(const wfn::node_call& call);

}  // namespace okta_plugin::nodes
