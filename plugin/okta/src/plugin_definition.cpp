// The plugin library's one exported symbol, wfn_get_plugin_entry.
#include "node_catalog.hpp"

WFN_DEFINE_PLUGIN(okta_plugin::okta_plugin_definition())
