#include "first_error.hpp"
#include "plugin_session.hpp"
#include "scenarios.hpp"
#include "stopwatch.hpp"

#include <boost/json/serialize.hpp>

#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace wfn_bench {
namespace {

std::string create_params(const std::string& prefix, std::size_t index) {
    const std::string login = prefix + std::to_string(index) + "@example.com";
    return boost::json::serialize(boost::json::object{
        {"UserName", login},
        {"Email", login},
        {"FirstName", "Bench"},
        {"LastName", "User " + std::to_string(index)},
        // Meets Okta's default policy, which refuses any part of the login.
        {"Password", "Xq7-Lantern-Quill-93!"},
        {"Activate", true},
    });
}

}  // namespace

boost::json::object run_batch_create(const bench_options& options) {
    const wfn::host::plugin_host host(options.plugins_dir);
    require_okta_nodes(host);
    const plugin_session session(host, options);

    std::atomic<std::size_t> next_index{0};
    std::atomic<std::size_t> failures{0};
    first_error first_failure;
    auto worker = [&] {
        for (std::size_t index = next_index++; index < options.creates; index = next_index++) {
            const boost::json::object output = session.run(create_user_node, create_params(options.login_prefix, index));
            if (status_code(output) != 200) {
                failures.fetch_add(1, std::memory_order_relaxed);
                first_failure.record(std::to_string(status_code(output)) + ": " + error_message(output));
            }
        }
    };

    const stopwatch clock;
    {
        std::vector<std::jthread> threads;
        for (std::size_t index = 0; index < options.concurrency; ++index) {
            threads.emplace_back(worker);
        }
    }
    const double elapsed_ms = clock.elapsed_ms();

    return {
        {"creates", options.creates},
        {"concurrency", options.concurrency},
        {"failures", failures.load()},
        {"first_error", first_failure.message()},
        {"elapsed_ms", elapsed_ms},
    };
}

}  // namespace wfn_bench
