// Drives one asynchronous operation on a private io_context while honouring
// the call's deadline and cancellation.
#pragma once

#include "transport/call_budget.hpp"

#include <boost/asio/io_context.hpp>

#include <algorithm>
#include <chrono>
#include <stdexcept>

namespace okta_plugin::transport {

// Runs `io` until `done` turns true, in slices short enough to notice a
// cancellation within 100 ms. When the deadline passes or the host cancels,
// calls `abort` once (it must make the pending operation finish soon, for
// example by closing the socket) and keeps running until it has finished.
template <class Abort>
interruption run_in_slices(boost::asio::io_context& io, const bool& done, const call_budget& budget,
                           Abort&& abort) {
    constexpr std::chrono::steady_clock::duration slice = std::chrono::milliseconds(50);
    constexpr std::chrono::steady_clock::duration shortest = std::chrono::milliseconds(1);
    io.restart();
    interruption why = interruption::none;
    while (!done) {
        if (why == interruption::none) {
            if (budget.cancelled()) {
                why = interruption::cancelled;
                abort();
            } else if (budget.expired()) {
                why = interruption::deadline;
                abort();
            }
        }
        auto wait = slice;
        if (why == interruption::none) {
            wait = std::clamp(budget.remaining(), shortest, slice);
        }
        io.run_for(wait);
        if (io.stopped() && !done) {
            throw std::logic_error("an I/O operation ended without calling its completion handler");
        }
    }
    return why;
}

}  // namespace okta_plugin::transport
