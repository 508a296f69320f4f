#include "wire/call_budget.hpp"

#include <algorithm>
#include <thread>

namespace okta_plugin::wire {

call_budget::clock::duration call_budget::remaining() const {
    if (deadline == clock::time_point::max()) {
        return clock::duration::max();
    }
    const auto now = clock::now();
    return now >= deadline ? clock::duration::zero() : deadline - now;
}

call_budget call_budget::capped(clock::duration cap) const {
    if (remaining() <= cap) {
        return *this;
    }
    call_budget bounded = *this;
    bounded.deadline = clock::now() + cap;
    bounded.budget_ms = static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(cap).count());
    return bounded;
}

bool sleep_within(const call_budget& budget, std::chrono::steady_clock::duration duration) {
    const auto until = std::min(budget.deadline, call_budget::clock::now() + duration);
    while (call_budget::clock::now() < until) {
        if (budget.cancelled()) {
            return false;
        }
        std::this_thread::sleep_for(std::min<call_budget::clock::duration>(cancellation_slice, until - call_budget::clock::now()));
    }
    return !budget.cancelled();
}

}  // namespace okta_plugin::wire
