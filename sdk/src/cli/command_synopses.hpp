// Each command's synopsis and purpose, written once: the top-level --help
// and the command's own --help print the same line, so neither can leave an
// option out that the other shows (sdk.cli.top_level_help_lists_every_option
// compares them with each command's options).
#pragma once

#include <array>
#include <string>
#include <string_view>

namespace wfn::cli {

struct command_synopsis {
    std::string_view name;      // as typed after wfn-host: "credentials test"
    std::string_view synopsis;  // the arguments and the command's own options
    std::string_view purpose;
};

inline constexpr std::array<command_synopsis, 6> command_synopses{{
    {"list", "[--json]", "list every loaded node"},
    {"describe", "NODE [--text]", "show a node's manifest, plugin and credential types as JSON, or as a summary to read"},
    {"run", "NODE --params JSON|@file [--credentials JSON|@file] [--timeout-ms N] [--output json|ndjson]",
     "run one node; exit 0 when StatusCode is 2xx, 1 otherwise"},
    {"workflow", "FILE [--input JSON|@file] [--credentials JSON|@file] [--timeout-ms N] [--output json|ndjson]",
     "run a workflow; exit 0 when it succeeded, 1 otherwise"},
    {"credentials test", "--type ID --credentials JSON|@file [--timeout-ms N]",
     "test a credential; exit 0 when it is valid, 1 otherwise"},
    {"version", "", "the SDK and ABI versions and every plugin found with its version (also --version)"},
}};

// The options every command takes besides its own (add_common_options).
inline constexpr std::string_view common_synopsis =
    "[--plugins DIR] [--log-level trace|debug|info|warn|error] [--log-format text|json] [--help]";

// "wfn-host run NODE --params … [--plugins DIR] …": the usage line of the
// command `name` (one of command_synopses).
std::string usage_line(std::string_view name);

}  // namespace wfn::cli
