// wfn-host list: every loaded node, one per line (or JSON with --json).
#include "command_options.hpp"
#include "commands.hpp"
#include "pretty_json.hpp"
#include "stderr_log.hpp"

#include <boost/json/array.hpp>
#include <boost/program_options/value_semantic.hpp>

#include <algorithm>
#include <iostream>

namespace wfn::cli {
namespace {

void print_table(const host::plugin_host& host) {
    std::size_t id_width = 0;
    std::size_t name_width = 0;
    for (const auto& node : host.nodes()) {
        id_width = std::max(id_width, node.id.size());
        name_width = std::max(name_width, node.display_name.size());
    }
    for (const auto& node : host.nodes()) {
        const host::plugin_info* plugin = nullptr;
        for (const auto& candidate : host.plugins()) {
            plugin = candidate.id == node.plugin_id ? &candidate : plugin;
        }
        std::cout << node.id << std::string(id_width - node.id.size() + 2, ' ') << 'v' << node.version << "  "
                  << node.display_name << std::string(name_width - node.display_name.size() + 2, ' ')
                  << node.plugin_id << ' ' << (plugin != nullptr ? plugin->version : std::string()) << '\n';
    }
}

void print_json(const host::plugin_host& host) {
    boost::json::array nodes;
    for (const auto& node : host.nodes()) {
        boost::json::object entry;
        entry["id"] = node.id;
        entry["displayName"] = node.display_name;
        entry["version"] = node.version;
        entry["plugin"] = node.plugin_id;
        entry["pluginDir"] = node.plugin_dir.string();
        nodes.push_back(std::move(entry));
    }
    std::cout << pretty_json(nodes);
}

}  // namespace

int command_list(const std::vector<std::string>& arguments) {
    namespace po = boost::program_options;
    po::options_description options("list options");
    options.add_options()("json", "print a JSON array instead of a table");
    add_common_options(options);
    const auto values = parse_command_line("list", arguments, options);
    if (!values) {
        return exit_success;
    }
    const common_settings settings = common_settings_from(*values);
    const auto host = load_host(settings);
    if (values->count("json") != 0) {
        print_json(*host);
    } else {
        print_table(*host);
    }
    if (host->nodes().empty()) {
        print_warning("no plugin nodes found (" + plugins_location(settings) + ")");
    }
    return exit_success;
}

}  // namespace wfn::cli
