#include "memory_usage.hpp"
#include "plugin_session.hpp"
#include "scenarios.hpp"
#include "stopwatch.hpp"

#include <boost/json/serialize.hpp>

#include <stdexcept>

namespace wfn_bench {

boost::json::object run_list_all(const bench_options& options) {
    const wfn::host::plugin_host host(options.plugins_dir);
    require_okta_nodes(host);
    const plugin_session session(host, options);
    // The baseline already holds the loaded plugin and an open connection, so
    // the growth below is what ReturnAll itself costs.
    session.warm_up(options.user_id);
    const std::string params =
        boost::json::serialize(boost::json::object{{"ReturnAll", true}, {"Limit", options.page_size}});

    const std::uint64_t rss_before = current_rss_bytes();
    const stopwatch clock;
    const boost::json::object output = session.run(list_users_node, params);
    const double elapsed_ms = clock.elapsed_ms();
    // Read before serialising the output below, which allocates its own copy.
    const std::uint64_t peak_rss = peak_rss_bytes();

    if (status_code(output) != 200) {
        throw std::runtime_error("Get Many Users answered " + std::to_string(status_code(output)) + ": " +
                                 error_message(output));
    }
    const auto* users = output.if_contains("Users");
    if (users == nullptr || !users->is_array()) {
        throw std::runtime_error("Get Many Users answered 200 without a Users array.");
    }
    // The text the plugin handed the host is this object, serialised.
    const std::size_t json_bytes = boost::json::serialize(output).size();

    return {
        {"users", users->get_array().size()},
        {"page_size", options.page_size},
        {"elapsed_ms", elapsed_ms},
        {"json_bytes", json_bytes},
        {"rss_before_bytes", rss_before},
        {"peak_rss_bytes", peak_rss},
        {"peak_growth_bytes", peak_rss > rss_before ? peak_rss - rss_before : 0},
    };
}

}  // namespace wfn_bench
