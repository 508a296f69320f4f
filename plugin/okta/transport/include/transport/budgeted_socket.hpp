// A TCP socket read and written synchronously that gives up when the call's
// budget runs out or the host cancels. The TLS stream and Beast's blocking
// HTTP read and write run on top of it, so a request costs a send, a poll
// and a receive. Asio's asynchronous operations on a private io_context cost
// six epoll_wait calls more per request (the scheduler polls its reactor
// between the handlers of one composed TLS read), and under a sandboxing
// kernel such as gVisor, system calls are most of the plugin's CPU time.
#pragma once

#include "wire/call_budget.hpp"
#include "transport/sync_stream_overloads.hpp"

#include <boost/asio/error.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

#include <cstddef>

namespace okta_plugin::transport {

class budgeted_socket : public sync_stream_overloads<budgeted_socket> {
public:
    using sync_stream_overloads::read_some;
    using sync_stream_overloads::write_some;
    using socket_type = boost::asio::ip::tcp::socket;
    // What boost::asio::ssl::stream asks of the layer below it.
    using lowest_layer_type = socket_type::lowest_layer_type;
    using executor_type = socket_type::executor_type;

    explicit budgeted_socket(boost::asio::io_context& io) : socket_(io) {}

    // Every read and write from now on gives up at this budget's deadline or
    // cancellation. Not copied: `budget` must outlive those operations.
    void arm(const wire::call_budget& budget) noexcept {
        budget_ = &budget;
        why_ = wire::interruption::none;
    }
    // Why the last read or write gave up, if it did (it then failed with
    // boost::asio::error::timed_out or operation_aborted).
    wire::interruption interrupted() const noexcept { return why_; }

    // For connecting (asynchronously, on the io_context given above), socket
    // options and closing. Put in non-blocking mode before the first read.
    socket_type& socket() noexcept { return socket_; }
    lowest_layer_type& lowest_layer() noexcept { return socket_; }
    executor_type get_executor() noexcept { return socket_.get_executor(); }

    template <class MutableBuffers>
    std::size_t read_some(const MutableBuffers& buffers, boost::system::error_code& ec) {
        // Wait first: the answer to a request just sent is seldom there yet,
        // and a receive that finds nothing is a system call for nothing.
        for (;;) {
            if (!wait_until(readiness::readable, ec)) {
                return 0;
            }
            const std::size_t received = socket_.read_some(buffers, ec);
            if (ec != boost::asio::error::would_block) {
                return received;
            }
        }
    }

    template <class ConstBuffers>
    std::size_t write_some(const ConstBuffers& buffers, boost::system::error_code& ec) {
        // Send first: the socket's send buffer almost always has room.
        for (;;) {
            const std::size_t sent = socket_.write_some(buffers, ec);
            if (ec != boost::asio::error::would_block) {
                return sent;
            }
            if (!wait_until(readiness::writable, ec)) {
                return 0;
            }
        }
    }

private:
    enum class readiness { readable, writable };

    // Polls in slices short enough to notice a cancellation within 100 ms.
    // False, with `ec` and interrupted() set, when the budget ran out first.
    bool wait_until(readiness wanted, boost::system::error_code& ec);

    socket_type socket_;
    const wire::call_budget* budget_ = nullptr;
    wire::interruption why_ = wire::interruption::none;
};

}  // namespace okta_plugin::transport
