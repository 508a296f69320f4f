// One connection to one Redis server, owned by one thread at a time: TCP,
// or TLS for rediss://, with AUTH and SELECT done once when it opens. Every
// read and write gives up at the command's deadline (a budgeted_socket
// under it), so a slow Redis never holds a node call longer than it allows.
// Commands are encoded and replies parsed by hiredis's protocol functions;
// the I/O is ours.
#pragma once

#include "transport/budgeted_socket.hpp"
#include "wire/call_budget.hpp"
#include "wire/redis_link.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/stream.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

struct redisReader;

namespace okta_plugin::redis {

class redis_connection {
public:
    // `tls` is null for redis://.
    redis_connection(const wire::redis_address& server, std::shared_ptr<boost::asio::ssl::context> tls);
    redis_connection(const redis_connection&) = delete;
    redis_connection& operator=(const redis_connection&) = delete;
    ~redis_connection();

    // Resolves, connects, negotiates TLS, then AUTH and SELECT as the
    // address asks. Throws wire::redis_unavailable.
    void open(const wire::redis_address& server, const wire::call_budget& budget);

    // One command and its reply. Throws wire::redis_unavailable; the
    // connection is then unusable.
    wire::redis_reply run(const std::vector<std::string>& arguments, const wire::call_budget& budget);

    // Whether this connection was opened for exactly these settings (the
    // same user, password, database and trust).
    bool serves(const wire::redis_address& server) const;

private:
    void send_formatted(const char* bytes, std::size_t size, const wire::call_budget& budget);
    wire::redis_reply receive(const wire::call_budget& budget);
    wire::redis_reply command(const std::vector<std::string_view>& arguments, const wire::call_budget& budget,
                              bool secret = false);
    [[noreturn]] void fail(const std::string& what) const;
    transport::budgeted_socket& socket() noexcept { return secure_ ? secure_->next_layer() : *plain_; }
    template <class Operation>
    std::size_t on_stream(Operation&& operation);

    boost::asio::io_context io_;
    std::shared_ptr<boost::asio::ssl::context> tls_;
    // Exactly one of the two is set: the socket alone, or TLS over it.
    std::optional<transport::budgeted_socket> plain_;
    std::optional<boost::asio::ssl::stream<transport::budgeted_socket>> secure_;
    redisReader* reader_ = nullptr;
    std::string server_;  // display(): no user, no password
    std::string user_;
    wire::secret_text password_;
    int database_ = 0;
    std::string extra_ca_pem_;
};

}  // namespace okta_plugin::redis
