#pragma once
// One client connection: TLS handshake, then requests answered in turn until
// the client closes, goes quiet, or a fault breaks the connection on purpose.
#include "fault_queue.hpp"
#include "http_types.hpp"
#include "https_server.hpp"

#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>

#include <memory>
#include <optional>
#include <string>

namespace okta_sandbox {

class https_session : public std::enable_shared_from_this<https_session> {
 public:
  https_session(boost::asio::ip::tcp::socket&& socket, boost::asio::ssl::context& tls, sandbox_state& state,
                const server_settings& settings);
  ~https_session();
  https_session(const https_session&) = delete;
  https_session& operator=(const https_session&) = delete;
  void run();

 private:
  void on_handshake(boost::beast::error_code ec);
  void read_request();
  void on_read(boost::beast::error_code ec, std::size_t bytes);
  void handle_request();
  void play_fault(const fault& f);
  http_response okta_answer(bool record);
  http_response with_cycling_next_link(http_response answer) const;

  void send(http_response response);
  void on_sent(boost::beast::error_code ec, std::size_t bytes);
  // Sends raw bytes, then closes: with a TLS close_notify, or by dropping the TCP connection.
  void send_raw_then_close(std::string bytes, bool graceful);
  void stream_oversized(std::uint64_t remaining, bool chunked);
  void close_gracefully();
  void drop_connection();
  void log_outcome(std::string_view outcome) const;
  // Gives back this connection's place under the concurrent-request limit, if it holds one.
  void release_slot();

  boost::beast::ssl_stream<boost::beast::tcp_stream> stream_;
  boost::beast::flat_buffer buffer_;
  std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> parser_;
  http_request request_;
  std::optional<http_response> response_;
  std::string raw_;
  boost::asio::steady_timer timer_;
  sandbox_state& state_;
  const server_settings settings_;  // a copy: the listener may go before the last connection
  bool close_after_write_ = false;
  bool holds_slot_ = false;
  bool token_request_ = false;  // the request is for the OAuth token endpoint, not the Okta API
};

}  // namespace okta_sandbox
