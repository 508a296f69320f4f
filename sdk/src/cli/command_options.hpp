// Option handling shared by the subcommands: --plugins, --log-level, --help,
// and loading the host with load errors reported as warnings.
#pragma once

#include <wfn/host.hpp>

#include <boost/program_options/options_description.hpp>
#include <boost/program_options/positional_options.hpp>
#include <boost/program_options/variables_map.hpp>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wfn::cli {

// What every subcommand accepts besides its own options.
struct common_settings {
    // --plugins DIR when given (that folder only), else empty and the host
    // searches plugins_search_path.
    std::filesystem::path plugins_dir;
    std::vector<std::filesystem::path> plugins_search_path;
    wfn::log_level log_level = wfn::log_level::warn;
};

// "plugins folder: DIR" or "plugin search path: A:B", for messages.
std::string plugins_location(const common_settings& settings);

// Adds --plugins, --log-level and --help to `options`.
void add_common_options(boost::program_options::options_description& options);

// Parses `arguments` against `options` (shown by --help) and `positional`
// (the command's bare arguments, by the names of `hidden` options, which
// --help leaves out: the usage line names them). Throws usage_error naming
// `command` (one of command_synopses) on any mistake, with "did you mean"
// for a mistyped option. Returns nothing when --help was given (the help is
// already printed).
std::optional<boost::program_options::variables_map> parse_command_line(
    std::string_view command, const std::vector<std::string>& arguments,
    const boost::program_options::options_description& options,
    const boost::program_options::options_description& hidden = {},
    const boost::program_options::positional_options_description& positional = {});

// "--log-level debg is not one of trace, debug, info, warn, error; did you
// mean `debug`?": the message for a value outside `choices`.
std::string not_one_of(std::string_view option, std::string_view given, const std::vector<std::string_view>& choices);

common_settings common_settings_from(const boost::program_options::variables_map& values);

// Loads the plugins, printing each load error as a warning. Throws
// usage_error when the folder cannot be read.
std::unique_ptr<host::plugin_host> load_host(const common_settings& settings);

// The node, or a usage_error naming the node and the folder searched, with
// "did you mean" for a loaded node id one or two edits away.
const host::node_info& require_node(const host::plugin_host& host, std::string_view node_id,
                                    const common_settings& settings);

// The longest deadline a command line or workflow step may ask for: 24 hours.
// Anything longer is a mistake, not a budget.
inline constexpr std::int64_t max_timeout_ms = 86'400'000;

// `timeout_ms` when it is 0 (no deadline) to max_timeout_ms; otherwise a
// usage_error naming `command`'s --timeout-ms option and the range.
std::int64_t checked_timeout_ms(std::string_view command, std::int64_t timeout_ms);

// run_options whose log records go to stderr (see stderr_log.hpp), with
// the node id as their source.
host::run_options stderr_run_options(std::string node_id, wfn::log_level level, std::int64_t timeout_ms);

// Adds progress on stderr to `options`: a redrawn line on a terminal, else
// records when `level` is info or more verbose. Call end_progress() after
// the run.
void show_progress_on_stderr(host::run_options& options, std::string node_id, wfn::log_level level);

}  // namespace wfn::cli
