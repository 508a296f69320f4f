#include "command_synopses.hpp"

#include "command_options.hpp"
#include "commands.hpp"

#include <sstream>

namespace wfn::cli {

std::string usage_line(std::string_view name) {
    std::string line = "wfn-host " + std::string(name);
    for (const command_synopsis& command : command_synopses) {
        if (command.name == name && !command.synopsis.empty()) {
            line += " " + std::string(command.synopsis);
        }
    }
    return line + " " + std::string(common_synopsis);
}

std::string general_usage() {
    std::ostringstream text;
    text << "Usage: wfn-host <command> [options]\n"
            "       wfn-host --version [--plugins DIR]\n"
            "       wfn-host --help\n"
            "\n"
            "Commands:\n";
    for (const command_synopsis& command : command_synopses) {
        text << "  " << command.name << (command.synopsis.empty() ? "" : " ") << command.synopsis << "\n"
             << "      " << command.purpose << "\n";
    }
    namespace po = boost::program_options;
    po::options_description common("Every command also takes");
    add_common_options(common);
    text << "\n"
         << common << "\n"
         << "`wfn-host <command> --help` describes the command's own options. Exit code 2 means a usage or\n"
            "load error.\n";
    return std::move(text).str();
}

}  // namespace wfn::cli
