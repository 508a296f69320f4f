// A TCP port on loopback that accepts connections and never says a word: the
// kernel completes the TCP handshake from the listen backlog, so a client's
// TLS ClientHello waits forever for an answer (the handshake-timeout case).
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

#include <string>

namespace okta_it {

class silent_listener {
public:
    silent_listener() : acceptor_(io_) {
        const boost::asio::ip::tcp::endpoint loopback(boost::asio::ip::make_address("127.0.0.1"), 0);
        acceptor_.open(loopback.protocol());
        acceptor_.bind(loopback);
        acceptor_.listen();
    }

    std::string url() const { return "https://127.0.0.1:" + std::to_string(acceptor_.local_endpoint().port()); }

private:
    boost::asio::io_context io_;  // never run: nothing is ever accepted
    boost::asio::ip::tcp::acceptor acceptor_;
};

}  // namespace okta_it
