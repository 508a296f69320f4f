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
// A forEach over the previous step's list (stream_plan.hpp) takes the items
// as that step lists them: the list step runs with an item handler, its
// items queue for the forEach's threads, and a full queue holds the list
// back, so neither the list nor its copy is ever held whole. The list step's
// output then leaves the list out and says "streamedTo" and "streamedItems".
// If the list step fails midway, the items listed before the failure have
// run; the workflow stops after the forEach unless the list step has
// continueOnFail.
//
// Once `cancelled` answers true, no further item or step starts: items
// never started stay null, steps never started are listed in "skipped", and
// the document says "cancelled": true (and "succeeded": false). The node
// calls already running are the caller's to cancel (run_options).
#pragma once

#include "workflow_definition.hpp"

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <cstddef>
#include <functional>
#include <string_view>

namespace wfn::cli {

// Takes one item of a streamed list (wfn::host::run_options::on_item).
using list_item_handler = std::function<void(std::string_view member, const boost::json::object& item)>;

// Runs one node call of `step` with rendered `params`; returns the output
// envelope. When `on_item` is set, the call should stream its list's items
// into it (a node that cannot may still return the whole list). Called from
// several threads at once when a forEach step has concurrency > 1, so it
// must be thread-safe.
using step_node_runner = std::function<boost::json::object(const workflow_step& step, const boost::json::object& params,
                                                           const list_item_handler& on_item)>;

struct workflow_outcome {
    boost::json::object document;
    bool succeeded = false;
};

// Polled from every thread running items; must be thread-safe and not throw.
using cancellation_check = std::function<bool()>;

// Receives one finished forEach output (see workflow_run_settings).
using for_each_output_sink =
    std::function<void(const workflow_step& step, std::size_t index, const boost::json::object& output)>;

struct workflow_run_settings {
    cancellation_check cancelled;
    // When set, the output of each forEach item that no later step reads is
    // handed here as soon as it is done (one call at a time, from the item
    // threads, in completion order) and not kept: that step's result says
    // "outputCount" instead of "outputs". Must not throw.
    for_each_output_sink on_for_each_output;
};

workflow_outcome run_workflow(const workflow_definition& workflow, const boost::json::value& input,
                              const step_node_runner& run_node, const workflow_run_settings& settings);

workflow_outcome run_workflow(const workflow_definition& workflow, const boost::json::value& input,
                              const step_node_runner& run_node, const cancellation_check& cancelled = {});

}  // namespace wfn::cli
