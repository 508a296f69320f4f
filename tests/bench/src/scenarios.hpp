// One function per benchmark scenario. Each loads the plugins itself (the
// cold-start scenario times exactly that) and returns the figures it
// measured as one JSON object.
#pragma once

#include "bench_options.hpp"

#include <boost/json/object.hpp>

namespace wfn_bench {

// Scenarios 1 and 2: options.calls Get a User calls shared by options.threads
// threads, each thread waiting for its answer before sending the next.
boost::json::object run_get_users(const bench_options& options);

// Scenario 3: one Get Many Users with ReturnAll; time, peak memory and the
// size of the JSON it returned.
boost::json::object run_list_all(const bench_options& options);

// The same ReturnAll streamed through the host library (run_streaming):
// each user reaches a sink that only counts it; peak memory growth, flat in
// the org's size.
boost::json::object run_list_streamed(const bench_options& options);

// Scenario 4 without a workflow engine: options.creates Create a New User
// calls, options.concurrency at a time, each left to the plugin's own
// rate-limit handling.
boost::json::object run_batch_create(const bench_options& options);

// Scenario 5: host start, plugin discovery, load and node enumeration; then
// the first call (TLS handshake included) and the one after it.
boost::json::object run_cold_start(const bench_options& options);

}  // namespace wfn_bench
