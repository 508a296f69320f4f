// `wfn-host describe --text`: a node's manifest as a person reads it, the
// way a canvas would lay out its form.
#pragma once

#include <wfn/host.hpp>

#include <boost/json/array.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace wfn::cli {

// The node's name, plugin, credential types and description, then each
// input (title, type, required, default, limits, when it shows, which
// choice group it belongs to, where a picker gets its choices) in form
// order, the choice groups, and each output with its title.
std::string node_summary_text(const host::plugin_host& host, const host::node_info& node);

// The credential types a node takes: its credentialType, then the others
// of credentialTypes.
std::vector<std::string> credential_type_ids(const boost::json::object& manifest);

// The names of the WFN_NODE_FLAG_* bits set in `flags`: "sideEffects", "idempotent".
boost::json::array node_flag_names(std::uint32_t flags);

}  // namespace wfn::cli
