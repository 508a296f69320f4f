// wfn-host describe NODE: the node's manifest, its plugin and its credential
// types as one JSON document, or with --text a summary for a person.
#include "command_options.hpp"
#include "commands.hpp"
#include "node_summary.hpp"
#include "pretty_json.hpp"
#include "usage_error.hpp"

#include <boost/json/array.hpp>
#include <boost/program_options/value_semantic.hpp>

#include <iostream>

namespace wfn::cli {
namespace {

boost::json::object describe(const host::plugin_host& host, const host::node_info& node) {
    boost::json::object document;
    document["id"] = node.id;
    document["displayName"] = node.display_name;
    document["version"] = node.version;
    document["flags"] = node_flag_names(node.flags);
    for (const auto& plugin : host.plugins()) {
        if (plugin.id == node.plugin_id) {
            document["plugin"] = {{"id", plugin.id}, {"name", plugin.name}, {"version", plugin.version},
                                  {"dir", plugin.dir.string()}};
        }
    }
    document["manifest"] = node.manifest;
    if (const auto* type = node.manifest.if_contains("credentialType"); type != nullptr && type->is_string()) {
        if (const auto* credential = host.find_credential_type(type->get_string())) {
            document["credentialType"] = *credential;
        }
    }
    // Every type the node takes, for a canvas offering a choice of them.
    boost::json::array types;
    for (const std::string& id : credential_type_ids(node.manifest)) {
        if (const auto* credential = host.find_credential_type(id)) {
            types.push_back(*credential);
        }
    }
    document["credentialTypes"] = std::move(types);
    return document;
}

}  // namespace

int command_describe(const std::vector<std::string>& arguments) {
    namespace po = boost::program_options;
    po::options_description hidden;
    hidden.add_options()("node", po::value<std::string>()->value_name("NODE"), "node id, for example okta.user.get");
    po::options_description options("describe options");
    options.add_options()("text",
                          "a summary to read instead of JSON: inputs with their titles, types, defaults, conditions "
                          "and pickers, outputs and credential types");
    add_common_options(options);
    po::positional_options_description positional;
    positional.add("node", 1);
    const auto values = parse_command_line("describe", arguments, options, hidden, positional);
    if (!values) {
        return exit_success;
    }
    if (values->count("node") == 0) {
        throw usage_error("describe: name the node to describe, for example wfn-host describe okta.user.get");
    }
    const common_settings settings = common_settings_from(*values);
    const auto host = load_host(settings);
    const host::node_info& node = require_node(*host, (*values)["node"].as<std::string>(), settings);
    if (values->count("text") != 0) {
        std::cout << node_summary_text(*host, node);
    } else {
        std::cout << pretty_json(describe(*host, node));
    }
    return exit_success;
}

}  // namespace wfn::cli
