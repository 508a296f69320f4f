// The process's memory, as the kernel accounts it, for the ReturnAll peak.
#pragma once

#include <cstdint>

namespace wfn_bench {

// Resident set size right now (from /proc/self/statm), in bytes.
std::uint64_t current_rss_bytes();

// Highest resident set size the process has reached (getrusage's
// ru_maxrss), in bytes.
std::uint64_t peak_rss_bytes();

}  // namespace wfn_bench
