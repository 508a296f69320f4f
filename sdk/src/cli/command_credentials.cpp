// wfn-host credentials test --type ID --credentials JSON|@file: runs the test
// the credential type declares and prints its output; exit 0 when the
// credential is valid, 1 when it is not (the output says why).
#include "command_options.hpp"
#include "command_synopses.hpp"
#include "commands.hpp"
#include "interrupt_watch.hpp"
#include "json_argument.hpp"
#include "pretty_json.hpp"
#include "usage_error.hpp"

#include "json_checks/near_miss.hpp"

#include <boost/program_options/value_semantic.hpp>

#include <iostream>

namespace wfn::cli {
namespace {

bool is_valid(const boost::json::object& output) {
    const auto* valid = output.if_contains("Valid");
    return valid != nullptr && valid->is_bool() && valid->get_bool();
}

int test_credentials(const std::vector<std::string>& arguments) {
    namespace po = boost::program_options;
    po::options_description options("credentials test options");
    options.add_options()
        ("type", po::value<std::string>()->value_name("ID")->required(),
         "the credential type, for example okta.apiToken or okta.oauthServiceApp")
        ("credentials", po::value<std::string>()->value_name("JSON|@FILE")->required(),
         "the credential: a JSON object, @file, or @- for stdin")
        ("timeout-ms", po::value<std::int64_t>()->value_name("N")->default_value(30000),
         "deadline for the test in milliseconds, at most 86400000 (24 h); 0 for none");
    add_common_options(options);
    const auto values = parse_command_line("credentials test", arguments, options);
    if (!values) {
        return exit_success;
    }
    const std::int64_t timeout_ms =
        checked_timeout_ms("credentials test", (*values)["timeout-ms"].as<std::int64_t>());
    const std::string credentials =
        json_object_argument_text((*values)["credentials"].as<std::string>(), "--credentials");
    const std::string type = (*values)["type"].as<std::string>();

    const common_settings settings = common_settings_from(*values);
    const interrupt_watch interrupts("the credential test");
    const auto host = load_host(settings);
    host::run_options run_options = stderr_run_options(type, settings.log_level, timeout_ms);
    run_options.is_cancelled = [&interrupts] { return interrupts.received() != 0; };
    const boost::json::object output = host->test_credential(type, credentials, run_options);
    std::cout << pretty_json(output);
    if (const int signal_number = interrupts.received(); signal_number != 0) {
        return exit_code_for_signal(signal_number);
    }
    return is_valid(output) ? exit_success : exit_failure;
}

}  // namespace

int command_credentials(const std::vector<std::string>& arguments) {
    if (arguments.empty() || arguments.front() == "--help" || arguments.front() == "-h") {
        std::cout << "Usage: " << usage_line("credentials test") << "\n\n"
                  << "Tests a credential the way its type declares (its \"test\" node): one cheap read that says\n"
                  << "whether the credential works and, if not, what is wrong (Valid, Problem, ErrorMessage).\n"
                  << "Exit 0 when it is valid, 1 when it is not, 2 for a usage or load error.\n";
        return arguments.empty() ? exit_usage : exit_success;
    }
    if (arguments.front() != "test") {
        throw usage_error("credentials: unknown action \"" + arguments.front() + "\"" +
                          json_checks::did_you_mean(arguments.front(), {"test"}) + " (expected test)");
    }
    return test_credentials(std::vector<std::string>(arguments.begin() + 1, arguments.end()));
}

}  // namespace wfn::cli
