// The plugin library's one exported symbol, wfn_get_plugin_entry.
#include "nodes/node_functions.hpp"

WFN_DEFINE_PLUGIN(okta_plugin::nodes::okta_plugin_definition())
