// wfn-host: the reference host. Lists, describes and runs plugin nodes, and
// runs workflows of several steps.
#include "command_synopses.hpp"
#include "commands.hpp"
#include "stderr_log.hpp"
#include "usage_error.hpp"

#include "json_checks/near_miss.hpp"

#include <exception>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

namespace {

// What a mistyped command or top-level option was closest to, if anything.
std::string unknown_command_message(std::string_view command) {
    using wfn::json_checks::did_you_mean;
    if (command.starts_with('-')) {
        return "unknown option \"" + std::string(command) + "\"" + did_you_mean(command, {"--help", "--version"}) +
               " (expected a command, --help or --version)";
    }
    std::vector<std::string_view> names{"help"};
    for (const wfn::cli::command_synopsis& known : wfn::cli::command_synopses) {
        names.push_back(known.name.substr(0, known.name.find(' ')));
    }
    return "unknown command \"" + std::string(command) + "\"" + did_you_mean(command, names) +
           " (expected list, describe, run, workflow, credentials or version)";
}

int run_command(std::string_view command, const std::vector<std::string>& arguments) {
    using namespace wfn::cli;
    try {
        if (command == "list") {
            return command_list(arguments);
        }
        if (command == "describe") {
            return command_describe(arguments);
        }
        if (command == "run") {
            return command_run(arguments);
        }
        if (command == "workflow") {
            return command_workflow(arguments);
        }
        if (command == "credentials") {
            return command_credentials(arguments);
        }
        if (command == "version" || command == "--version") {
            return command_version(arguments);
        }
        throw usage_error(unknown_command_message(command));
    } catch (const usage_error& error) {
        print_error(error.what());
        return exit_usage;
    } catch (const std::exception& error) {
        print_error(error.what());
        return exit_usage;
    }
}

// A node may already have changed something (a user created), so output
// that never reached its reader (a full disk, a closed pipe) must not end as
// a silent success: the caller would lose the only record of what happened.
int checked_output(int exit_code) {
    if (!std::cout.flush()) {
        wfn::cli::print_error("could not write the output to standard output");
        return exit_code == wfn::cli::exit_success ? wfn::cli::exit_failure : exit_code;
    }
    return exit_code;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace wfn::cli;
    const std::vector<std::string> all(argv + 1, argv + argc);
    if (all.empty()) {
        std::cerr << general_usage();
        return exit_usage;
    }
    const std::string_view command = all.front();
    if (command == "--help" || command == "-h" || command == "help") {
        std::cout << general_usage();
        return checked_output(exit_success);
    }
    const std::vector<std::string> arguments(all.begin() + 1, all.end());
    return checked_output(run_command(command, arguments));
}
