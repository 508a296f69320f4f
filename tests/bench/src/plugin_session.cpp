#include "plugin_session.hpp"

#include "credentials.hpp"

#include <boost/json/serialize.hpp>

#include <iostream>
#include <mutex>
#include <stdexcept>

namespace wfn_bench {

void require_okta_nodes(const wfn::host::plugin_host& host) {
    for (const std::string_view node_id : {get_user_node, list_users_node, create_user_node}) {
        if (host.find(node_id) != nullptr) {
            continue;
        }
        std::string reason = "node " + std::string(node_id) + " is not loaded";
        if (!host.load_errors().empty()) {
            const auto& first = host.load_errors().front();
            reason += " (" + first.path.string() + ": " + first.reason + ")";
        }
        throw std::runtime_error(reason + ".");
    }
}

std::int64_t status_code(const boost::json::object& output) {
    const auto* status = output.if_contains("StatusCode");
    return status != nullptr && status->is_int64() ? status->get_int64() : -1;
}

std::string error_message(const boost::json::object& output) {
    const auto* message = output.if_contains("ErrorMessage");
    return message != nullptr && message->is_string() ? std::string(message->get_string()) : std::string();
}

std::string get_user_params(const std::string& user_id) {
    return boost::json::serialize(boost::json::object{{"UserId", user_id}});
}

plugin_session::plugin_session(const wfn::host::plugin_host& host, const bench_options& options)
    : host_(host), credentials_json_(make_credentials_json(options.org_url, options.token, options.ca_file)) {
    run_options_.timeout = options.timeout;
    // Warnings only: the plugin reports rate-limit waits and retries there,
    // and nothing is produced on the hot path of a healthy run.
    run_options_.log_level = wfn::log_level::warn;
    run_options_.log = [](wfn::log_level level, std::string_view message) {
        static std::mutex stderr_mutex;
        const std::scoped_lock lock(stderr_mutex);
        std::cerr << "plugin log [" << static_cast<std::int32_t>(level) << "] " << message << '\n';
    };
}

boost::json::object plugin_session::run(std::string_view node_id, std::string_view params_json) const {
    return host_.run(node_id, params_json, credentials_json_, run_options_);
}

std::string plugin_session::run_text(std::string_view node_id, std::string_view params_json) const {
    return host_.run_text(node_id, params_json, credentials_json_, run_options_);
}

boost::json::object plugin_session::run_streaming(std::string_view node_id, std::string_view params_json,
                                                  wfn::host::item_sink& sink) const {
    return host_.run_streaming(node_id, params_json, credentials_json_, sink, run_options_);
}

void plugin_session::warm_up(const std::string& user_id) const {
    if (user_id.empty()) {
        throw std::runtime_error("--user-id is required: the warm-up call fetches that user.");
    }
    const boost::json::object output = run(get_user_node, get_user_params(user_id));
    if (status_code(output) != 200) {
        throw std::runtime_error("the warm-up Get a User answered " + std::to_string(status_code(output)) + ": " +
                                 error_message(output));
    }
}

warm_plugin::warm_plugin(const bench_options& options) : host_(options.plugins_dir), session_(host_, options) {
    require_okta_nodes(host_);
    session_.warm_up(options.user_id);
}

}  // namespace wfn_bench
