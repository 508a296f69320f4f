// Drives one asynchronous operation on a private io_context while honouring
// the call's deadline and cancellation.
#pragma once

#include "wire/call_budget.hpp"

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
wire::interruption run_in_slices(boost::asio::io_context& io, const bool& done, const wire::call_budget& budget,
                           Abort&& abort) {
    constexpr std::chrono::steady_clock::duration slice = wire::cancellation_slice;
    constexpr std::chrono::steady_clock::duration shortest = std::chrono::milliseconds(1);
    io.restart();
    wire::interruption why = wire::interruption::none;
    while (!done) {
        if (why == wire::interruption::none) {
            if (budget.cancelled()) {
                why = wire::interruption::cancelled;
                abort();
            } else if (budget.expired()) {
                why = wire::interruption::deadline;
                abort();
            }
        }
        auto wait = slice;
        if (why == wire::interruption::none) {
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
