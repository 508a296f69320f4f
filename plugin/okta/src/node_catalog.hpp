// com.wfn.okta: the descriptor table the library exports.
#pragma once

#include <wfn/plugin.hpp>

namespace okta_plugin {

const wfn::plugin_definition& okta_plugin_definition();

}  // namespace okta_plugin
