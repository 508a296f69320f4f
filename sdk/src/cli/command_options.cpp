#include "command_options.hpp"

#include "command_synopses.hpp"
#include "stderr_log.hpp"
#include "usage_error.hpp"

#include "json_checks/near_miss.hpp"

#include <boost/program_options/parsers.hpp>
#include <boost/program_options/value_semantic.hpp>

#include <iostream>
#include <stdexcept>

namespace wfn::cli {

namespace po = boost::program_options;

std::string plugins_location(const common_settings& settings) {
    if (!settings.plugins_dir.empty()) {
        return "plugins folder: " + settings.plugins_dir.string();
    }
    std::string path;
    for (const std::filesystem::path& folder : settings.plugins_search_path) {
        path += (path.empty() ? "" : ":") + folder.string();
    }
    return "plugin search path: " + path;
}

void add_common_options(po::options_description& options) {
    options.add_options()
        ("plugins", po::value<std::string>()->value_name("DIR"),
         "plugins folder (default: $WFN_PLUGINS_PATH, then next to wfn-host, then /usr/local/lib and /usr/lib)")
        ("log-level", po::value<std::string>()->value_name("LEVEL")->default_value("warn"),
         "plugin log lines on stderr from this level: trace, debug, info, warn or error")
        ("log-format", po::value<std::string>()->value_name("FORMAT")->default_value("text"),
         "stderr lines as text, or json: one object per line with time, level, source, message and fields")
        ("help,h", "show this help");
}

namespace {

// Boost's message for an unknown option, with the closest option the
// command takes when it is near enough to be a slip.
std::string unknown_option_message(const po::unknown_option& error, const po::options_description& options) {
    std::string given = error.get_option_name();
    given.erase(0, given.find_first_not_of('-'));
    std::vector<std::string_view> names;
    for (const auto& option : options.options()) {
        names.emplace_back(option->long_name());
    }
    const auto closest = json_checks::closest_name(given, names);
    return std::string(error.what()) + (closest ? "; did you mean `--" + *closest + "`?" : std::string());
}

}  // namespace

std::optional<po::variables_map> parse_command_line(std::string_view command, const std::vector<std::string>& arguments,
                                                    const po::options_description& options,
                                                    const po::options_description& hidden,
                                                    const po::positional_options_description& positional) {
    po::options_description all;
    all.add(options).add(hidden);
    po::variables_map values;
    const std::string see_help = " (see wfn-host " + std::string(command) + " --help)";
    try {
        po::store(po::command_line_parser(arguments).options(all).positional(positional).run(), values);
        if (values.count("help") != 0) {
            std::cout << "Usage: " << usage_line(command) << "\n\n" << options << std::flush;
            return std::nullopt;
        }
        po::notify(values);
    } catch (const po::unknown_option& error) {
        throw usage_error(std::string(command) + ": " + unknown_option_message(error, options) + see_help);
    } catch (const po::error& error) {
        throw usage_error(std::string(command) + ": " + error.what() + see_help);
    }
    return values;
}

std::string not_one_of(std::string_view option, std::string_view given, const std::vector<std::string_view>& choices) {
    std::string list;
    for (const std::string_view choice : choices) {
        list += (list.empty() ? "" : ", ") + std::string(choice);
    }
    return std::string(option) + " " + std::string(given) + " is not one of " + list +
           json_checks::did_you_mean(given, choices);
}

common_settings common_settings_from(const po::variables_map& values) {
    common_settings settings;
    if (values.count("plugins") != 0) {
        settings.plugins_dir = values["plugins"].as<std::string>();
    } else {
        settings.plugins_search_path = host::default_plugin_search_path();
    }
    const std::string& level_name = values["log-level"].as<std::string>();
    const auto level = parse_log_level(level_name);
    if (!level) {
        throw usage_error(not_one_of("--log-level", level_name, {"trace", "debug", "info", "warn", "error"}));
    }
    settings.log_level = *level;
    const std::string& format_name = values["log-format"].as<std::string>();
    const auto format = parse_log_format(format_name);
    if (!format) {
        throw usage_error(not_one_of("--log-format", format_name, {"text", "json"}));
    }
    use_log_format(*format);
    return settings;
}

std::unique_ptr<host::plugin_host> load_host(const common_settings& settings) {
    std::unique_ptr<host::plugin_host> host;
    try {
        host = settings.plugins_dir.empty() ? std::make_unique<host::plugin_host>(settings.plugins_search_path)
                                            : std::make_unique<host::plugin_host>(settings.plugins_dir);
    } catch (const std::runtime_error& error) {
        throw usage_error(error.what());
    }
    for (const host::load_error& error : host->load_errors()) {
        print_warning(error.path.string() + ": " + error.reason);
    }
    return host;
}

const host::node_info& require_node(const host::plugin_host& host, std::string_view node_id,
                                    const common_settings& settings) {
    const host::node_info* node = host.find(node_id);
    if (node == nullptr) {
        std::vector<std::string_view> ids;
        for (const host::node_info& loaded : host.nodes()) {
            ids.emplace_back(loaded.id);
        }
        // Two edits: a swapped or a missing letter, not another node that
        // happens to share the plugin's long prefix.
        const auto closest = json_checks::closest_name(node_id, ids, 2);
        throw usage_error("no loaded plugin provides node " + std::string(node_id) +
                          (closest ? "; did you mean `" + *closest + "`?" : std::string()) + " (" +
                          plugins_location(settings) + ")");
    }
    return *node;
}

std::int64_t checked_timeout_ms(std::string_view command, std::int64_t timeout_ms) {
    if (timeout_ms < 0 || timeout_ms > max_timeout_ms) {
        throw usage_error(std::string(command) + ": --timeout-ms must be 0 (no deadline) to " +
                          std::to_string(max_timeout_ms) + " (24 hours), not " + std::to_string(timeout_ms));
    }
    return timeout_ms;
}

host::run_options stderr_run_options(std::string node_id, wfn::log_level level, std::int64_t timeout_ms) {
    host::run_options options;
    options.timeout = std::chrono::milliseconds(timeout_ms);
    options.log_level = level;
    options.on_log_record = [source = std::move(node_id)](const host::log_record& record) {
        log_record_line(source, record);
    };
    return options;
}

void show_progress_on_stderr(host::run_options& options, std::string node_id, wfn::log_level level) {
    // Records of progress are as chatty as info lines; a terminal's single
    // redrawn line is not, and shows at any level.
    if (level > wfn::log_level::info && !progress_redraws_in_place()) {
        return;
    }
    options.on_progress = [source = std::move(node_id)](const host::progress_report& report) {
        print_progress(source, report);
    };
}

}  // namespace wfn::cli
