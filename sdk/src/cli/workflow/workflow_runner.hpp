// Runs a workflow's steps in order and collects every output into one
// document:
//   {"workflow": name, "succeeded": bool,
//    "steps": [{"name", "node", "succeeded", "output" | "outputs"}],
//    "skipped": [names of steps never started]}
// A step succeeds when its StatusCode is 2xx (every item's, for forEach). A
// failed step stops the workflow unless it has continueOnFail. A template
// that cannot be rendered fails its step (or item) with StatusCode -1 and a
// message naming the expression; no node runs for it.
//
// Once `cancelled` answers true, no further item or step starts: items
// never started stay null, steps never started are listed in "skipped", and
// the document says "cancelled": true (and "succeeded": false). The node
// calls already running are the caller's to cancel (run_options).
#pragma once

#include "workflow_definition.hpp"

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <functional>

namespace wfn::cli {

// Runs one node call of `step` with rendered `params`; returns the output
// envelope. Called from several threads at once when a forEach step has
// concurrency > 1, so it must be thread-safe.
using step_node_runner = std::function<boost::json::object(const workflow_step& step, const boost::json::object& params)>;

struct workflow_outcome {
    boost::json::object document;
    bool succeeded = false;
};

// Polled from every thread running items; must be thread-safe and not throw.
using cancellation_check = std::function<bool()>;

workflow_outcome run_workflow(const workflow_definition& workflow, const boost::json::value& input,
                              const step_node_runner& run_node, const cancellation_check& cancelled = {});

}  // namespace wfn::cli
