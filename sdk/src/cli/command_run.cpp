// wfn-host run NODE: one node call; the output JSON on stdout, exit 0 for a
// 2xx StatusCode and 1 otherwise. With --output ndjson a list's items are
// printed one per line as they arrive, then the output without the list,
// so memory stays flat however long the list. A SIGINT or SIGTERM cancels the call: its
// output is still printed and the exit code is 128 + the signal's number.
#include "command_options.hpp"
#include "commands.hpp"
#include "interrupt_watch.hpp"
#include "json_argument.hpp"
#include "pretty_json.hpp"
#include "stderr_log.hpp"
#include "usage_error.hpp"
#include "../common/output_envelope.hpp"

#include <boost/json/serialize.hpp>
#include <boost/program_options/value_semantic.hpp>

#include <iostream>
#include <stdexcept>

namespace wfn::cli {

int command_run(const std::vector<std::string>& arguments) {
    namespace po = boost::program_options;
    po::options_description hidden;
    hidden.add_options()("node", po::value<std::string>()->value_name("NODE"), "node id, for example okta.user.get");
    po::options_description options("run options");
    options.add_options()
        ("params", po::value<std::string>()->value_name("JSON|@FILE")->required(),
         "the node's parameters: a JSON object, @file, or @- for stdin")
        ("credentials", po::value<std::string>()->value_name("JSON|@FILE"),
         "the credentials: a JSON object, @file, or @- for stdin (default: none)")
        ("timeout-ms", po::value<std::int64_t>()->value_name("N")->default_value(30000),
         "deadline for the call in milliseconds, at most 86400000 (24 h); 0 for none")
        ("output", po::value<std::string>()->value_name("FORMAT")->default_value("json"),
         "json: the whole output, indented; ndjson: a list's items one per line as they arrive, then the "
         "output without the list on the last line");
    add_common_options(options);
    po::positional_options_description positional;
    positional.add("node", 1);
    const auto values = parse_command_line("run", arguments, options, hidden, positional);
    if (!values) {
        return exit_success;
    }
    if (values->count("node") == 0) {
        throw usage_error("run: name the node to run, for example wfn-host run okta.user.get --params '{...}'");
    }
    const std::int64_t timeout_ms = checked_timeout_ms("run", (*values)["timeout-ms"].as<std::int64_t>());
    const std::string& output_format = (*values)["output"].as<std::string>();
    if (output_format != "json" && output_format != "ndjson") {
        throw usage_error("run: " + not_one_of("--output", output_format, {"json", "ndjson"}));
    }
    const bool ndjson = output_format == "ndjson";
    // Read the inputs before loading anything, so a typo fails fast, with
    // the line and column of a JSON mistake. The texts go to the plugin as
    // written: judging their fields is the node's job.
    const std::string params = json_object_argument_text((*values)["params"].as<std::string>(), "--params");
    const std::string credentials =
        values->count("credentials") != 0
            ? json_object_argument_text((*values)["credentials"].as<std::string>(), "--credentials")
            : std::string();

    const common_settings settings = common_settings_from(*values);
    // Before the plugin loads: the call may change something, so a signal
    // must not end the process without its output.
    const interrupt_watch interrupts("the node call");
    const auto host = load_host(settings);
    const host::node_info& node = require_node(*host, (*values)["node"].as<std::string>(), settings);
    host::run_options run_options = stderr_run_options(node.id, settings.log_level, timeout_ms);
    run_options.is_cancelled = [&interrupts] { return interrupts.received() != 0; };
    show_progress_on_stderr(run_options, node.id, settings.log_level);
    if (ndjson) {
        run_options.on_item = [](std::string_view, const boost::json::object& item) {
            std::cout << boost::json::serialize(item) << '\n';
            if (!std::cout) {
                throw std::runtime_error("standard output cannot be written");
            }
        };
    }
    const boost::json::object output = host->run(node.id, params, credentials, run_options);
    end_progress();
    if (ndjson) {
        std::cout << boost::json::serialize(output) << '\n';
    } else {
        std::cout << pretty_json(output);
    }
    if (const int signal_number = interrupts.received(); signal_number != 0) {
        return exit_code_for_signal(signal_number);
    }
    return wfn::detail::envelope_succeeded(output) ? exit_success : exit_failure;
}

}  // namespace wfn::cli
