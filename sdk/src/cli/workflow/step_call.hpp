// One node call of a workflow step, with its templates rendered first.
#pragma once

#include "template_render.hpp"
#include "workflow_runner.hpp"

#include <boost/json/object.hpp>

#include <cstdint>
#include <string>

namespace wfn::cli {

// {"StatusCode": status_code, "ErrorMessage": message}.
boost::json::object failure_output(std::int64_t status_code, const std::string& message);

// Renders the step's params in `scope` and runs the node. A template or
// runner failure becomes the call's output instead of escaping.
boost::json::object run_step_call(const workflow_step& step, const template_scope& scope,
                                  const step_node_runner& run_node, const list_item_handler& on_item = {});

}  // namespace wfn::cli
