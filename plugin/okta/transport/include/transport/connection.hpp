// One TLS connection to one server, owned by one thread at a time. Each
// connection has its own io_context (for resolving and connecting), so a
// pooled connection can move between the threads of concurrent node calls
// without sharing an executor. The handshake and every exchange run
// synchronously on the calling thread, over a budgeted_socket.
#pragma once

#include "transport/budgeted_socket.hpp"
#include "wire/call_budget.hpp"
#include "transport/http_exchange.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/beast/core/flat_buffer.hpp>

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

namespace okta_plugin::transport {

// Whether an idle connection must be proven alive before the request goes
// out on it. A server may have closed it meanwhile; a request that would be
// sent again on a fresh connection when that happens (https_client resends
// a GET that got no answer) can skip the poll() system call of the check.
enum class liveness_check { skip, required };

class connection {
public:
    connection(std::shared_ptr<boost::asio::ssl::context> tls, std::string host, std::uint16_t port);
    connection(const connection&) = delete;
    connection& operator=(const connection&) = delete;
    ~connection();

    bool is_open() const noexcept { return open_; }

    // Resolves, connects and completes a verified TLS handshake. Throws
    // transport_error (dns, connect, tls_verify, tls_handshake, timeout,
    // cancelled), always with nothing_sent().
    void open(const wire::call_budget& budget);

    exchange_result exchange(const wire::request& request, const wire::call_budget& budget, const exchange_limits& limits);

    // An idle keep-alive connection is worth reusing only while the server has
    // not closed it (or sent anything unasked, which also means trouble).
    // `check` says whether to ask the socket (a system call) or to trust it
    // unless this side already knows better.
    bool still_usable(liveness_check check);

    std::chrono::steady_clock::time_point idle_since() const noexcept { return idle_since_; }
    void mark_idle() noexcept { idle_since_ = std::chrono::steady_clock::now(); }

private:
    void configure_peer_verification();

    boost::asio::io_context io_;
    std::shared_ptr<boost::asio::ssl::context> tls_;
    boost::asio::ssl::stream<budgeted_socket> stream_;
    boost::beast::flat_buffer buffer_;
    std::string host_;
    std::uint16_t port_;
    std::string host_field_;
    std::string server_;
    bool open_ = false;
    std::chrono::steady_clock::time_point idle_since_{};
};

}  // namespace okta_plugin::transport
