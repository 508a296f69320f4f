// Elapsed wall time on the monotonic clock, in milliseconds.
#pragma once

#include <chrono>

namespace wfn_bench {

class stopwatch {
public:
    stopwatch() noexcept : started_(std::chrono::steady_clock::now()) {}

    double elapsed_ms() const noexcept {
        return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started_).count();
    }

private:
    std::chrono::steady_clock::time_point started_;
};

}  // namespace wfn_bench
