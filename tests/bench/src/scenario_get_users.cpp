#include "first_error.hpp"
#include "plugin_session.hpp"
#include "scenarios.hpp"
#include "stopwatch.hpp"

#include <atomic>
#include <cstddef>
#include <latch>
#include <thread>
#include <vector>

namespace wfn_bench {

boost::json::object run_get_users(const bench_options& options) {
    const warm_plugin plugin(options);
    const plugin_session& session = plugin.session();

    const std::string params = get_user_params(options.user_id);
    std::atomic<std::size_t> failures{0};
    first_error first_failure;
    // Every thread starts on the same signal, so the clock covers the calls
    // and not the thread start-up.
    std::latch start_gate(static_cast<std::ptrdiff_t>(options.threads) + 1);

    auto worker = [&](std::size_t calls) {
        start_gate.arrive_and_wait();
        for (std::size_t call = 0; call < calls; ++call) {
            const boost::json::object output = session.run(get_user_node, params);
            if (status_code(output) != 200) {
                failures.fetch_add(1, std::memory_order_relaxed);
                first_failure.record(error_message(output));
            }
        }
    };

    std::vector<std::jthread> threads;
    threads.reserve(options.threads);
    for (std::size_t index = 0; index < options.threads; ++index) {
        const std::size_t share = options.calls / options.threads + (index < options.calls % options.threads ? 1 : 0);
        threads.emplace_back(worker, share);
    }
    const stopwatch clock;
    start_gate.arrive_and_wait();
    for (auto& thread : threads) {
        thread.join();
    }
    const double elapsed_ms = clock.elapsed_ms();

    return {
        {"calls", options.calls},
        {"threads", options.threads},
        {"failures", failures.load()},
        {"first_error", first_failure.message()},
        {"elapsed_ms", elapsed_ms},
        {"requests_per_second", static_cast<double>(options.calls) / (elapsed_ms / 1000.0)},
    };
}

}  // namespace wfn_bench
