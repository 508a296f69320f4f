#include "transport/budgeted_socket.hpp"

#include <poll.h>

#include <algorithm>
#include <cerrno>
#include <chrono>

namespace okta_plugin::transport {

bool budgeted_socket::wait_until(readiness wanted, boost::system::error_code& ec) {
    using std::chrono::milliseconds;
    constexpr milliseconds slice = wire::cancellation_slice;
    static const wire::call_budget unarmed;
    const wire::call_budget& budget = budget_ != nullptr ? *budget_ : unarmed;

    pollfd watch{};
    watch.fd = socket_.native_handle();
    watch.events = wanted == readiness::readable ? POLLIN : POLLOUT;
    for (;;) {
        if (budget.cancelled()) {
            why_ = wire::interruption::cancelled;
            ec = boost::asio::error::operation_aborted;
            return false;
        }
        if (budget.expired()) {
            why_ = wire::interruption::deadline;
            ec = boost::asio::error::timed_out;
            return false;
        }
        const auto left = std::min(budget.remaining(), wire::call_budget::clock::duration(slice));
        const auto wait = std::clamp(std::chrono::ceil<milliseconds>(left), milliseconds(1), slice);
        watch.revents = 0;
        const int ready = ::poll(&watch, 1, static_cast<int>(wait.count()));
        if (ready > 0) {
            // Also on POLLERR and POLLHUP: the read or write that follows
            // reports what happened.
            return true;
        }
        if (ready < 0 && errno != EINTR) {
            ec.assign(errno, boost::system::system_category());
            return false;
        }
    }
}

}  // namespace okta_plugin::transport
