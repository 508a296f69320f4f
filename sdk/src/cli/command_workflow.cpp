// wfn-host workflow FILE: every step's output as one JSON document; exit 0
// when the workflow succeeded (failures only in continueOnFail steps). With
// --output ndjson, each forEach output that no later step reads is printed
// as a line {"step", "index", "output"} as soon as it is done and not kept,
// and the document (with "outputCount" for those steps) is the last line,
// so a forEach over a streamed list runs in flat memory. A SIGINT or SIGTERM
// cancels the run: the partial document is printed and the exit code is
// 128 + the signal's number.
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
#include <stdexcept>

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
         "deadline per node call when a step sets no timeoutMs, at most 86400000 (24 h); 0 for none")
        ("output", po::value<std::string>()->value_name("FORMAT")->default_value("json"),
         "json: one document, indented; ndjson: forEach outputs one per line as they finish, then the "
         "document on the last line");
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
    const std::string& output_format = (*values)["output"].as<std::string>();
    if (output_format != "json" && output_format != "ndjson") {
        throw usage_error("workflow: " + not_one_of("--output", output_format, {"json", "ndjson"}));
    }
    const bool ndjson = output_format == "ndjson";
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
    const auto run_node = [&](const workflow_step& step, const boost::json::object& params,
                              const list_item_handler& on_item) {
        const auto timeout_ms = step.timeout ? step.timeout->count() : default_timeout_ms;
        host::run_options run_options =
            stderr_run_options(step.name + " (" + step.node + ")", settings.log_level, timeout_ms);
        run_options.is_cancelled = interrupted;
        run_options.on_item = on_item;
        return host->run(step.node, boost::json::serialize(params), credentials, run_options);
    };
    workflow_run_settings run_settings{interrupted, {}};
    bool output_failed = false;
    if (ndjson) {
        run_settings.on_for_each_output = [&output_failed](const workflow_step& step, std::size_t index,
                                                           const boost::json::object& output) {
            std::cout << R"({"step":)" << boost::json::serialize(boost::json::value(step.name)) << R"(,"index":)"
                      << index << R"(,"output":)" << boost::json::serialize(output) << "}\n";
            output_failed = output_failed || !std::cout;
        };
    }
    workflow_outcome outcome = run_workflow(workflow, input, run_node, run_settings);
    if (output_failed) {
        throw std::runtime_error("standard output cannot be written");
    }
    const int signal_number = interrupts.received();
    if (signal_number != 0) {
        outcome.document["signal"] = signal_name(signal_number);
    }
    if (ndjson) {
        std::cout << boost::json::serialize(outcome.document) << '\n';
    } else {
        std::cout << pretty_json(outcome.document);
    }
    if (signal_number != 0) {
        return exit_code_for_signal(signal_number);
    }
    return outcome.succeeded ? exit_success : exit_failure;
}

}  // namespace wfn::cli
