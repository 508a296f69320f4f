// The five node bodies (wfn::node_function), and the plugin they make up.
#pragma once

#include <wfn/plugin.hpp>

#include <boost/json/object.hpp>

namespace okta_plugin::nodes {

boost::json::object create_user(const wfn::node_call& call);
boost::json::object get_user(const wfn::node_call& call);
boost::json::object list_users(const wfn::node_call& call);
boost::json::object update_user(const wfn::node_call& call);
boost::json::object delete_user(const wfn::node_call& call);

// com.wfn.okta: the descriptor table the library exports.
const wfn::plugin_definition& okta_plugin_definition();

}  // namespace okta_plugin::nodes
