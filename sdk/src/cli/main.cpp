// wfn-host: the reference host. Lists, describes and runs plugin nodes, and
// runs workflows of several steps.
#include "commands.hpp"
#include "stderr_log.hpp"
#include "usage_error.hpp"

#include <exception>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

namespace wfn::cli {

std::string general_usage() {
    return "Usage: wfn-host <command> [options]\n"
           "\n"
           "Commands:\n"
           "  list [--plugins DIR] [--json]            list every loaded node\n"
           "  describe NODE [--plugins DIR]            show a node's manifest as JSON\n"
           "  run NODE --params JSON|@file [--credentials JSON|@file] [--timeout-ms N] [--plugins DIR]\n"
           "                                           run one node; exit 0 when StatusCode is 2xx, 1 otherwise\n"
           "  workflow FILE [--input JSON|@file] [--credentials JSON|@file] [--output json|ndjson] [--plugins DIR]\n"
           "                                           run a workflow; exit 0 when it succeeded, 1 otherwise\n"
           "  credentials test --type ID --credentials JSON|@file [--timeout-ms N] [--plugins DIR]\n"
           "                                           test a credential; exit 0 when it is valid, 1 otherwise\n"
           "\n"
           "Every command takes --log-level trace|debug|info|warn|error (plugin logs on stderr)\n"
           "and --help. Exit code 2 means a usage or load error.\n";
}

}  // namespace wfn::cli

namespace {

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
        throw usage_error("unknown command \"" + std::string(command) +
                          "\" (expected list, describe, run, workflow or credentials)");
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
