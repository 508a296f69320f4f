// wfn-bench: the plugin's side of the benchmark (tests/bench/run-bench.sh).
// Runs one scenario through wfn::host::plugin_host exactly as an engine
// would, and prints its figures as one JSON object on stdout.
#include "bench_options.hpp"
#include "scenarios.hpp"

#include <boost/json/serialize.hpp>

#include <exception>
#include <functional>
#include <iostream>
#include <map>
#include <string>

namespace {

using scenario_function = std::function<boost::json::object(const wfn_bench::bench_options&)>;

const std::map<std::string, scenario_function, std::less<>>& scenarios() {
    static const std::map<std::string, scenario_function, std::less<>> table{
        {"get", wfn_bench::run_get_users},
        {"list-all", wfn_bench::run_list_all},
        {"list-stream", wfn_bench::run_list_streamed},
        {"batch-create", wfn_bench::run_batch_create},
        {"cold-start", wfn_bench::run_cold_start},
    };
    return table;
}

}  // namespace

int main(int argc, char* argv[]) {
    try {
        const auto options = wfn_bench::parse_options(argc, argv);
        if (!options) {
            return 0;
        }
        const auto scenario = scenarios().find(options->scenario);
        if (scenario == scenarios().end()) {
            std::cerr << "wfn-bench: unknown scenario \"" << options->scenario
                      << "\"; use get, list-all, list-stream, batch-create or cold-start.\n";
            return 2;
        }
        boost::json::object result{{"client", "plugin"}, {"scenario", options->scenario}};
        for (auto& figure : scenario->second(*options)) {
            result.insert(std::move(figure));
        }
        std::cout << boost::json::serialize(result) << '\n';
        return 0;
    } catch (const std::exception& error) {
        std::cerr << "wfn-bench: " << error.what() << '\n';
        return 1;
    }
}
