// A list step and the forEach that takes its items as they arrive
// (stream_plan.hpp), run together: the list's item handler queues each item
// (item_queue.hpp) for the forEach's `concurrency` threads, which run the
// node exactly as an ordinary forEach would.
#pragma once

#include "workflow_runner.hpp"

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <cstddef>
#include <string>

namespace wfn::cli {

struct streamed_pair_result {
    // The list step's output, without the streamed member.
    boost::json::object list_output;
    // No item arrived through the handler: the forEach has not run, and
    // list_output is the node's output as is (a node that returned its list
    // whole, an empty list, a failure before the first page). The caller
    // runs the forEach the ordinary way.
    bool nothing_streamed = false;
    // The forEach step's "succeeded" and "outputs" (or "outputCount").
    boost::json::object for_each_result;
    bool for_each_succeeded = false;
    // What later templates see as steps.<forEach step>.
    boost::json::value for_each_value;
};

streamed_pair_result run_streamed_pair(const workflow_step& list, const workflow_step& each, const std::string& member,
                                       const boost::json::value& input, const boost::json::value& steps,
                                       const step_node_runner& run_node, const cancellation_check& cancelled,
                                       const for_each_output_sink& sink);

}  // namespace wfn::cli
