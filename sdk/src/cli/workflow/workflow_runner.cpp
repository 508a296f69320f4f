#include "workflow_runner.hpp"

#include "template_render.hpp"

#include "../../common/output_envelope.hpp"

#include <boost/json/array.hpp>

#include <algorithm>
#include <atomic>
#include <exception>
#include <thread>
#include <vector>

namespace wfn::cli {
namespace {

boost::json::object failure_output(std::int64_t status_code, const std::string& message) {
    return wfn::detail::make_envelope(status_code, message);
}

// One node call with rendered parameters; a template or runner failure
// becomes the call's output instead of escaping.
boost::json::object run_one(const workflow_step& step, const template_scope& scope, const step_node_runner& run_node) {
    boost::json::value params;
    try {
        params = render_templates(step.params, scope);
    } catch (const template_error& error) {
        return failure_output(-1, "Step " + step.name + ": " + error.what());
    }
    try {
        return run_node(step, params.get_object());
    } catch (const std::exception& error) {
        return failure_output(500, "Step " + step.name + " could not run node " + step.node + ": " + error.what());
    }
}

boost::json::array for_each_items(const workflow_step& step, const template_scope& scope) {
    boost::json::value items = render_templates(*step.for_each, scope);
    if (!items.is_array()) {
        throw template_error("forEach of step " + step.name + " must yield an array, but it yields " +
                             (items.is_object() ? std::string("an object") : std::string(boost::json::to_string(items.kind()))) +
                             ".");
    }
    return std::move(items.get_array());
}

// Runs every item on min(concurrency, items) threads. Outputs keep item
// order. Without continueOnFail, no new item starts after one fails; items
// never started stay null.
boost::json::object run_for_each(const workflow_step& step, const boost::json::value& input,
                                 const boost::json::value& steps, const step_node_runner& run_node,
                                 const cancellation_check& cancelled) {
    boost::json::object result;
    boost::json::array items;
    try {
        items = for_each_items(step, {input, steps, nullptr, std::nullopt});
    } catch (const template_error& error) {
        result["succeeded"] = false;
        result["outputs"] = boost::json::array();
        result["error"] = "Step " + step.name + ": " + error.what();
        return result;
    }

    std::vector<boost::json::value> outputs(items.size());
    std::atomic<std::size_t> next{0};
    std::atomic<bool> stop{false};
    const auto work = [&] {
        for (std::size_t i = next++; i < items.size() && !stop && !cancelled(); i = next++) {
            boost::json::object output = run_one(step, {input, steps, &items[i], i}, run_node);
            if (!wfn::detail::envelope_succeeded(output) && !step.continue_on_fail) {
                stop = true;
            }
            outputs[i] = std::move(output);
        }
    };
    const std::size_t workers = std::min(step.concurrency, items.size());
    if (workers <= 1) {
        work();
    } else {
        std::vector<std::jthread> threads;
        threads.reserve(workers);
        for (std::size_t t = 0; t < workers; ++t) {
            threads.emplace_back(work);
        }
    }

    bool all_succeeded = true;
    boost::json::array collected;
    for (auto& output : outputs) {
        all_succeeded = all_succeeded && wfn::detail::envelope_succeeded(output);
        collected.push_back(std::move(output));
    }
    result["succeeded"] = all_succeeded;
    result["outputs"] = std::move(collected);
    return result;
}

}  // namespace

workflow_outcome run_workflow(const workflow_definition& workflow, const boost::json::value& input,
                              const step_node_runner& run_node, const cancellation_check& cancelled_check) {
    const cancellation_check cancelled = cancelled_check ? cancelled_check : [] { return false; };
    boost::json::value outputs_by_step = boost::json::object();
    boost::json::array step_results;
    boost::json::array skipped;
    bool succeeded = true;
    bool stopped = false;

    for (const workflow_step& step : workflow.steps) {
        if (!stopped && cancelled()) {
            succeeded = false;
            stopped = true;
        }
        if (stopped) {
            skipped.push_back(boost::json::string(step.name));
            continue;
        }
        boost::json::object result;
        result["name"] = step.name;
        result["node"] = step.node;
        bool step_succeeded = false;
        if (step.for_each) {
            boost::json::object for_each = run_for_each(step, input, outputs_by_step, run_node, cancelled);
            step_succeeded = for_each["succeeded"].get_bool();
            outputs_by_step.get_object()[step.name] = for_each["outputs"];
            result["succeeded"] = step_succeeded;
            result["outputs"] = std::move(for_each["outputs"]);
            if (const auto* error = for_each.if_contains("error")) {
                result["error"] = *error;
            }
        } else {
            boost::json::object output = run_one(step, {input, outputs_by_step, nullptr, std::nullopt}, run_node);
            step_succeeded = wfn::detail::envelope_succeeded(output);
            outputs_by_step.get_object()[step.name] = output;
            result["succeeded"] = step_succeeded;
            result["output"] = std::move(output);
        }
        step_results.push_back(std::move(result));
        if (!step_succeeded && !step.continue_on_fail) {
            succeeded = false;
            stopped = true;
        }
    }

    workflow_outcome outcome;
    outcome.succeeded = succeeded;
    outcome.document["workflow"] = workflow.name;
    outcome.document["succeeded"] = succeeded;
    outcome.document["steps"] = std::move(step_results);
    outcome.document["skipped"] = std::move(skipped);
    if (cancelled()) {
        outcome.document["cancelled"] = true;
    }
    return outcome;
}

}  // namespace wfn::cli
