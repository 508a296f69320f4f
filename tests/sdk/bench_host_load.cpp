// Measures plugin discovery + load + enumeration: the median wall time of
// constructing a plugin_host (manifest reading and validation, dlopen,
// init, descriptor checks) and walking its nodes, then destroying it.
//   wfn_host_load_bench [PLUGINS_DIR] [ITERATIONS]
#include <wfn/host.hpp>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    const std::filesystem::path plugins_dir = argc > 1 ? argv[1] : WFN_TEST_GOOD_PLUGINS_DIR;
    const int iterations = argc > 2 ? std::max(1, std::atoi(argv[2])) : 50;
    std::vector<double> load_ms;
    std::vector<double> total_ms;
    std::size_t nodes = 0;
    for (int i = 0; i < iterations; ++i) {
        const auto start = std::chrono::steady_clock::now();
        std::chrono::steady_clock::time_point loaded;
        {
            wfn::host::plugin_host host(plugins_dir);
            nodes = 0;
            for (const auto& node : host.nodes()) {
                nodes += node.id.empty() ? 0 : 1;
            }
            loaded = std::chrono::steady_clock::now();
        }
        const auto end = std::chrono::steady_clock::now();
        load_ms.push_back(std::chrono::duration<double, std::milli>(loaded - start).count());
        total_ms.push_back(std::chrono::duration<double, std::milli>(end - start).count());
    }
    const auto median = [](std::vector<double> values) {
        std::sort(values.begin(), values.end());
        return values[values.size() / 2];
    };
    std::cout << "plugins folder: " << plugins_dir.string() << "\n"
              << "nodes enumerated: " << nodes << "\n"
              << "iterations: " << iterations << "\n"
              << "median load + enumerate: " << median(load_ms) << " ms\n"
              << "median including unload: " << median(total_ms) << " ms\n";
    return 0;
}
