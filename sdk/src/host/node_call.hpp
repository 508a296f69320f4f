// One execute() call across the ABI, with the host-owned wfn_call_context.
#pragma once

#include <wfn/abi.h>
#include <wfn/host.hpp>

#include <boost/json/object.hpp>

#include <string>
#include <string_view>

namespace wfn::host::detail {

// Calls `node.execute` on this thread and turns whatever happens into an
// output object with StatusCode and ErrorMessage (see plugin_host::run).
boost::json::object call_node(const wfn_node_descriptor& node, std::string_view node_id,
                              std::string_view params_json, std::string_view credentials_json,
                              const run_options& options);

// The same, as the output's JSON text: the node's own text when it keeps the
// envelope (checked without building a DOM), else the mended output serialised.
std::string call_node_text(const wfn_node_descriptor& node, std::string_view node_id, std::string_view params_json,
                           std::string_view credentials_json, const run_options& options);

// The output the host produces itself when the node cannot answer.
boost::json::object host_output(std::int64_t status_code, std::string message);

}  // namespace wfn::host::detail
