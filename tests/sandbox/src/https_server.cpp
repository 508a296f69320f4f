#include "https_server.hpp"

#include "https_session.hpp"

#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core/bind_handler.hpp>

#include <cstdio>

namespace okta_sandbox {
namespace net = boost::asio;
using tcp = net::ip::tcp;

class https_server::listener : public std::enable_shared_from_this<listener> {
 public:
  listener(net::io_context& io, net::ssl::context& tls, sandbox_state& state, server_settings settings,
           unsigned short port)
      : io_(io), tls_(tls), state_(state), settings_(std::move(settings)), acceptor_(net::make_strand(io)) {
    const tcp::endpoint endpoint(net::ip::make_address("127.0.0.1"), port);
    acceptor_.open(endpoint.protocol());
    acceptor_.set_option(net::socket_base::reuse_address(true));
    acceptor_.bind(endpoint);
    acceptor_.listen(net::socket_base::max_listen_connections);
  }

  unsigned short port() const { return acceptor_.local_endpoint().port(); }

  void accept() {
    acceptor_.async_accept(net::make_strand(io_),
                           boost::beast::bind_front_handler(&listener::on_accept, shared_from_this()));
  }

  void stop() {
    net::post(acceptor_.get_executor(), [self = shared_from_this()] {
      boost::system::error_code ignored;
      self->acceptor_.close(ignored);
    });
  }

 private:
  void on_accept(boost::system::error_code ec, tcp::socket socket) {
    if (ec == net::error::operation_aborted || !acceptor_.is_open()) return;
    if (ec) {
      std::fprintf(stderr, "okta-sandbox: accept failed: %s\n", ec.message().c_str());
    } else {
      // Small answers go out at once instead of waiting on Nagle's algorithm.
      socket.set_option(tcp::no_delay(true), ec);
      std::make_shared<https_session>(std::move(socket), tls_, state_, settings_)->run();
    }
    accept();
  }

  net::io_context& io_;
  net::ssl::context& tls_;
  sandbox_state& state_;
  const server_settings settings_;
  tcp::acceptor acceptor_;
};

https_server::https_server(net::io_context& io, net::ssl::context& tls, sandbox_state& state, server_settings settings,
                           unsigned short port)
    : listener_(std::make_shared<listener>(io, tls, state, std::move(settings), port)) {}

https_server::~https_server() = default;

unsigned short https_server::port() const { return listener_->port(); }

void https_server::start() { listener_->accept(); }

void https_server::stop() { listener_->stop(); }

}  // namespace okta_sandbox
