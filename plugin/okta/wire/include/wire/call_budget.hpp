// How long one node call may still take, and whether the host gave up on it.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>

namespace okta_plugin::wire {

struct call_budget {
    using clock = std::chrono::steady_clock;

    // clock::time_point::max() when the host set no deadline.
    clock::time_point deadline = clock::time_point::max();
    // The budget the host gave, only for messages ("timed out after 30000 ms").
    std::uint64_t budget_ms = 0;
    // Polled during every wait; empty when the call cannot be cancelled.
    std::function<bool()> is_cancelled;

    bool cancelled() const { return is_cancelled && is_cancelled(); }
    bool expired() const { return clock::now() >= deadline; }
    clock::duration remaining() const;

    // The same call, but never waiting past `cap` from now: bounds one HTTP
    // exchange when the host set no deadline at all.
    call_budget capped(clock::duration cap) const;
};

// How long any wait of a call (sleeping, polling a socket, waiting for a
// connection) runs before it looks at the cancellation flag again: the host
// asks for cancellation to be noticed within 100 ms (abi.h).
inline constexpr std::chrono::milliseconds cancellation_slice{50};

// Why an operation stopped before it finished: nothing, the deadline, or
// the host cancelling the call.
enum class interruption { none, deadline, cancelled };

// Sleeps for `duration` in short slices, returning early (false) when the
// call is cancelled. Never sleeps past the deadline.
bool sleep_within(const call_budget& budget, std::chrono::steady_clock::duration duration);

}  // namespace okta_plugin::wire
