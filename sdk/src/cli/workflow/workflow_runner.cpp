#include "workflow_runner.hpp"

#include "for_each_outputs.hpp"
#include "step_call.hpp"
#include "stream_plan.hpp"
#include "streamed_for_each.hpp"
#include "template_render.hpp"

#include "../../common/output_envelope.hpp"

#include <boost/json/array.hpp>

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace wfn::cli {
namespace {

boost::json::array for_each_items(const workflow_step& step, const template_scope& scope) {
    boost::json::value items = render_templates(*step.for_each, scope);
    if (!items.is_array()) {
        throw template_error("forEach of step " + step.name + " must yield an array, but it yields " +
                             (items.is_object() ? std::string("an object") : std::string(boost::json::to_string(items.kind()))) +
                             ".");
    }
    return std::move(items.get_array());
}

struct for_each_run {
    boost::json::object result;  // "succeeded", "outputs" (or "outputCount"), maybe "error"
    boost::json::value value;    // what later templates see
};

// Runs every item on min(concurrency, items) threads. Outputs keep item
// order. Without continueOnFail, no new item starts after one fails; items
// never started stay null.
for_each_run run_for_each(const workflow_step& step, const boost::json::value& input, const boost::json::value& steps,
                          const step_node_runner& run_node, const cancellation_check& cancelled,
                          const for_each_output_sink& sink) {
    for_each_run run;
    boost::json::array items;
    try {
        items = for_each_items(step, {input, steps, nullptr, std::nullopt});
    } catch (const template_error& error) {
        run.result["succeeded"] = false;
        run.result["outputs"] = boost::json::array();
        run.result["error"] = "Step " + step.name + ": " + error.what();
        run.value = boost::json::array();
        return run;
    }

    for_each_outputs outputs(step, sink);
    outputs.expect(items.size());
    std::atomic<std::size_t> next{0};
    std::atomic<bool> stop{false};
    const auto work = [&] {
        for (std::size_t i = next++; i < items.size() && !stop && !cancelled(); i = next++) {
            boost::json::object output = run_step_call(step, {input, steps, &items[i], i}, run_node);
            if (!wfn::detail::envelope_succeeded(output) && !step.continue_on_fail) {
                stop = true;
            }
            outputs.put(i, std::move(output));
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
    run.result["succeeded"] = outputs.succeeded();
    run.value = outputs.finish_into(run.result);
    return run;
}

// The steps walked so far and what they produced.
class workflow_walk {
public:
    workflow_walk(const workflow_definition& workflow, const boost::json::value& input, const step_node_runner& run_node,
                  const workflow_run_settings& settings)
        : workflow_(workflow), input_(input), run_node_(run_node), settings_(settings) {
        if (!settings_.cancelled) {
            settings_.cancelled = [] { return false; };
        }
    }

    workflow_outcome run() {
        for (std::size_t i = 0; i < workflow_.steps.size(); ++i) {
            const workflow_step& step = workflow_.steps[i];
            if (!stopped_ && settings_.cancelled()) {
                succeeded_ = false;
                stopped_ = true;
            }
            if (stopped_) {
                skipped_.push_back(boost::json::string(step.name));
            } else if (step.for_each) {
                run_for_each_step(i);
            } else if (const auto member = streamed_member(workflow_, i)) {
                i += run_streamed(i, *member) ? 1 : 0;
            } else {
                record_single(step, run_step_call(step, scope(), run_node_));
            }
        }
        workflow_outcome outcome;
        outcome.succeeded = succeeded_;
        outcome.document["workflow"] = workflow_.name;
        outcome.document["succeeded"] = succeeded_;
        outcome.document["steps"] = std::move(step_results_);
        outcome.document["skipped"] = std::move(skipped_);
        if (settings_.cancelled()) {
            outcome.document["cancelled"] = true;
        }
        return outcome;
    }

private:
    template_scope scope() const { return {input_, outputs_by_step_, nullptr, std::nullopt}; }

    // The sink for the forEach at `index`, when no later step reads it.
    for_each_output_sink sink_for(std::size_t index) const {
        if (!settings_.on_for_each_output || read_by_later_step(workflow_, index, workflow_.steps[index].name)) {
            return {};
        }
        return settings_.on_for_each_output;
    }

    void finish_step(const workflow_step& step, boost::json::object result, bool step_succeeded) {
        step_results_.push_back(std::move(result));
        if (!step_succeeded && !step.continue_on_fail) {
            succeeded_ = false;
            stopped_ = true;
        }
    }

    void record_single(const workflow_step& step, boost::json::object output) {
        const bool step_succeeded = wfn::detail::envelope_succeeded(output);
        outputs_by_step_.get_object()[step.name] = output;
        boost::json::object result{{"name", step.name}, {"node", step.node}, {"succeeded", step_succeeded}};
        result["output"] = std::move(output);
        finish_step(step, std::move(result), step_succeeded);
    }

    void record_for_each(const workflow_step& step, boost::json::object for_each, boost::json::value value) {
        const bool step_succeeded = for_each.at("succeeded").get_bool();
        outputs_by_step_.get_object()[step.name] = std::move(value);
        boost::json::object result{{"name", step.name}, {"node", step.node}};
        for (auto& [key, member] : for_each) {
            result[key] = std::move(member);
        }
        finish_step(step, std::move(result), step_succeeded);
    }

    void run_for_each_step(std::size_t index) {
        const workflow_step& step = workflow_.steps[index];
        for_each_run run = run_for_each(step, input_, outputs_by_step_, run_node_, settings_.cancelled, sink_for(index));
        record_for_each(step, std::move(run.result), std::move(run.value));
    }

    // The list step at `index` streaming into the forEach after it. Returns
    // true when both ran; false when nothing streamed, so the forEach is
    // still to run the ordinary way.
    bool run_streamed(std::size_t index, const std::string& member) {
        const workflow_step& list = workflow_.steps[index];
        const workflow_step& each = workflow_.steps[index + 1];
        streamed_pair_result pair = run_streamed_pair(list, each, member, input_, outputs_by_step_, run_node_,
                                                      settings_.cancelled, sink_for(index + 1));
        if (pair.nothing_streamed) {
            record_single(list, std::move(pair.list_output));
            return false;
        }
        // Both steps are recorded whatever the list's status: the items it
        // listed have run.
        const bool list_succeeded = wfn::detail::envelope_succeeded(pair.list_output);
        const bool stops = !list_succeeded && !list.continue_on_fail;
        record_single(list, std::move(pair.list_output));
        const bool was_stopped = stopped_;
        stopped_ = false;
        record_for_each(each, std::move(pair.for_each_result), std::move(pair.for_each_value));
        stopped_ = stopped_ || was_stopped || stops;
        return true;
    }

    const workflow_definition& workflow_;
    const boost::json::value& input_;
    const step_node_runner& run_node_;
    workflow_run_settings settings_;
    boost::json::value outputs_by_step_ = boost::json::object();
    boost::json::array step_results_;
    boost::json::array skipped_;
    bool succeeded_ = true;
    bool stopped_ = false;
};

}  // namespace

workflow_outcome run_workflow(const workflow_definition& workflow, const boost::json::value& input,
                              const step_node_runner& run_node, const workflow_run_settings& settings) {
    return workflow_walk(workflow, input, run_node, settings).run();
}

workflow_outcome run_workflow(const workflow_definition& workflow, const boost::json::value& input,
                              const step_node_runner& run_node, const cancellation_check& cancelled) {
    return run_workflow(workflow, input, run_node, workflow_run_settings{cancelled, {}});
}

}  // namespace wfn::cli
