// What one wfn-bench run is asked to do, parsed from its command line.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>

namespace wfn_bench {

struct bench_options {
    std::string scenario;
    std::filesystem::path plugins_dir;
    std::string org_url;
    std::string token;
    std::filesystem::path ca_file;
    std::string user_id;
    std::size_t calls = 5000;
    std::size_t threads = 1;
    std::size_t page_size = 200;
    std::size_t creates = 1000;
    std::size_t concurrency = 16;
    std::string login_prefix = "bench-plugin-";
    std::chrono::milliseconds timeout{120000};
};

// Parses argv. Prints the help and returns nothing when --help was asked
// for; throws std::invalid_argument with a clear message on bad input.
std::optional<bench_options> parse_options(int argc, const char* const argv[]);

}  // namespace wfn_bench
