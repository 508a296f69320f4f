// The wfn-host subcommands. Each parses its own options, prints its result on
// stdout and returns the process exit code; usage_error escapes for main()
// to report (exit code 2).
#pragma once

#include <string>
#include <vector>

namespace wfn::cli {

// Exit codes shared by every subcommand.
inline constexpr int exit_success = 0;
inline constexpr int exit_failure = 1;  // the node or workflow ran and failed
inline constexpr int exit_usage = 2;    // bad arguments, unreadable files, load errors

// `arguments` are the ones after the subcommand's name.
int command_list(const std::vector<std::string>& arguments);
int command_describe(const std::vector<std::string>& arguments);
int command_run(const std::vector<std::string>& arguments);
int command_workflow(const std::vector<std::string>& arguments);
int command_credentials(const std::vector<std::string>& arguments);
int command_version(const std::vector<std::string>& arguments);

// The top-level help text.
std::string general_usage();

}  // namespace wfn::cli
