#include "plugin_session.hpp"
#include "scenarios.hpp"
#include "stopwatch.hpp"

#include <stdexcept>

namespace wfn_bench {

boost::json::object run_cold_start(const bench_options& options) {
    const stopwatch load_clock;
    const wfn::host::plugin_host host(options.plugins_dir);
    // Enumerate as an engine filling its palette would: every node, with
    // its manifest, then look up the one about to run.
    std::size_t manifest_members = 0;
    for (const auto& node : host.nodes()) {
        manifest_members += node.manifest.size();
    }
    require_okta_nodes(host);
    const double load_enumerate_ms = load_clock.elapsed_ms();

    const plugin_session session(host, options);
    const std::string params = get_user_params(options.user_id);
    const stopwatch first_clock;
    const boost::json::object first = session.run(get_user_node, params);
    const double first_call_ms = first_clock.elapsed_ms();
    const stopwatch warm_clock;
    const boost::json::object warm = session.run(get_user_node, params);
    const double warm_call_ms = warm_clock.elapsed_ms();
    if (status_code(first) != 200 || status_code(warm) != 200) {
        throw std::runtime_error("Get a User failed during cold start: " + error_message(first) + error_message(warm));
    }

    return {
        {"nodes", host.nodes().size()},
        {"manifest_members", manifest_members},
        {"load_enumerate_ms", load_enumerate_ms},
        {"first_call_ms", first_call_ms},
        {"warm_call_ms", warm_call_ms},
    };
}

}  // namespace wfn_bench
