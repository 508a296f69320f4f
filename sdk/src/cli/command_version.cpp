// wfn-host version (or --version): what this wfn-host is and what it can
// load: the SDK's version, the plugin ABI it speaks and accepts, and each
// plugin the search finds with its version and the ABI it declares. A
// plugin that fails to load is a warning, not a failure: the versions are
// most wanted when something does not load.
#include "command_options.hpp"
#include "commands.hpp"

#include <wfn/abi.h>

#include <iostream>

#ifndef WFN_SDK_VERSION
#error "the build defines WFN_SDK_VERSION"
#endif

namespace wfn::cli {
namespace {

std::string declared_abi(const host::plugin_info& plugin) {
    const auto* abi = plugin.manifest.if_contains("abi");
    if (abi == nullptr || !abi->is_object()) {
        return "?";
    }
    const auto* major = abi->get_object().if_contains("major");
    const auto* minor = abi->get_object().if_contains("minor");
    if (major == nullptr || minor == nullptr || !major->is_int64() || !minor->is_int64()) {
        return "?";
    }
    return std::to_string(major->get_int64()) + "." + std::to_string(minor->get_int64());
}

}  // namespace

int command_version(const std::vector<std::string>& arguments) {
    namespace po = boost::program_options;
    po::options_description options("version options");
    add_common_options(options);
    const auto values = parse_command_line("version", arguments, options);
    if (!values) {
        return exit_success;
    }
    const common_settings settings = common_settings_from(*values);
    std::cout << "wfn-host " << WFN_SDK_VERSION << " (wfn plugin SDK " << WFN_SDK_VERSION << ")\n"
              << "plugin ABI " << WFN_ABI_VERSION_MAJOR << '.' << WFN_ABI_VERSION_MINOR << ": loads plugins built for ABI "
              << WFN_ABI_VERSION_MAJOR << ".0 to " << WFN_ABI_VERSION_MAJOR << '.' << WFN_ABI_VERSION_MINOR << '\n';
    const auto host = load_host(settings);
    std::cout << "plugins (" << plugins_location(settings) << "):\n";
    if (host->plugins().empty()) {
        std::cout << "  none found\n";
    }
    for (const host::plugin_info& plugin : host->plugins()) {
        std::cout << "  " << plugin.id << ' ' << plugin.version << " (" << plugin.name << ", ABI "
                  << declared_abi(plugin) << ") " << plugin.dir.string() << '\n';
    }
    return exit_success;
}

}  // namespace wfn::cli
