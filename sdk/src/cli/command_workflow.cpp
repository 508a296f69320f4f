// wfn-host workflow FILE: every step's output as one JSON document; exit 0
// when the workflow succeeded (failures only in continueOnFail steps). A
// SIGINT or SIGTERM cancels the run: the partial document is printed and the
// exit code is 128 + the signal's number.
#include "command_options.hpp"
#include "commands.hpp"
#include "interrupt_watch.hpp"
#include "json_argument.hpp"
#include "pretty_json.hpp"
#include "usage_error.hpp"
#include "workflow/workflow_definition.hpp"
#include "workflow/workflow_runner.hpp"

#include <boost/json/serialize.hpp>
#include <boost/program_options/value_semantic.hpp>

#include <iostream>

namespace wfn::cli {
namespace {

workflow_definition read_workflow(const std::string& file) {
    const boost::json::value document = json_argument_object("@" + file, "workflow file");
    try {
        return parse_workflow(document);
    } catch (const workflow_error& error) {
        throw usage_error("workflow file " + file + " " + error.what());
    }
}

}  // namespace

int command_workflow(const std::vector<std::string>& arguments) {
    namespace po = boost::program_options;
    po::options_description hidden;
    hidden.add_options()("file", po::value<std::string>()->value_name("FILE"), "the workflow file (JSON)");
    po::options_description options("workflow options");
    options.add_options()
        ("input", po::value<std::string>()->value_name("JSON|@FILE"),
         "the workflow input, read by {{ input.… }}: a JSON object, @file, or @- (default: {})")
        ("credentials", po::value<std::string>()->value_name("JSON|@FILE"),
         "credentials passed to every step: a JSON object, @file, or @- (default: none)")
        ("timeout-ms", po::value<std::int64_t>()->value_name("N")->default_value(30000),
         "deadline per node call when a step sets no timeoutMs, at most 86400000 (24 h); 0 for none");
    add_common_options(options);
    po::positional_options_description positional;
    positional.add("file", 1);
    const auto values = parse_command_line("workflow", arguments, options, hidden, positional);
    if (!values) {
        return exit_success;
    }
    if (values->count("file") == 0) {
        throw usage_error("workflow: name the workflow file, for example wfn-host workflow onboarding.workflow.json");
    }
    const std::int64_t default_timeout_ms =
        checked_timeout_ms("workflow", (*values)["timeout-ms"].as<std::int64_t>());
    const workflow_definition workflow = read_workflow((*values)["file"].as<std::string>());
    const boost::json::value input = values->count("input") != 0
                                         ? json_argument_object((*values)["input"].as<std::string>(), "--input")
                                         : boost::json::value(boost::json::object());
    const std::string credentials =
        values->count("credentials") != 0
            ? json_object_argument_text((*values)["credentials"].as<std::string>(), "--credentials")
            : std::string();

    const common_settings settings = common_settings_from(*values);
    // Before the plugins load, so that no signal can end the process
    // without its record once a node may have changed something.
    const interrupt_watch interrupts("the workflow (no new items or steps start)");
    const auto host = load_host(settings);
    for (const workflow_step& step : workflow.steps) {
        require_node(*host, step.node, settings);
    }
    const auto interrupted = [&interrupts] { return interrupts.received() != 0; };
    const auto run_node = [&](const workflow_step& step, const boost::json::object& params) {
        const auto timeout_ms = step.timeout ? step.timeout->count() : default_timeout_ms;
        host::run_options run_options =
            stderr_run_options(step.name + " (" + step.node + ")", settings.log_level, timeout_ms);
        run_options.is_cancelled = interrupted;
        return host->run(step.node, boost::json::serialize(params), credentials, run_options);
    };
    workflow_outcome outcome = run_workflow(workflow, input, run_node, interrupted);
    if (const int signal_number = interrupts.received(); signal_number != 0) {
        outcome.document["signal"] = signal_name(signal_number);
        std::cout << pretty_json(outcome.document);
        return exit_code_for_signal(signal_number);
    }
    std::cout << pretty_json(outcome.document);
    return outcome.succeeded ? exit_success : exit_failure;
}

}  // namespace wfn::cli
