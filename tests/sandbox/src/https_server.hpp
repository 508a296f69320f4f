#pragma once
// The HTTPS front: accepts connections on 127.0.0.1, runs TLS and HTTP/1.1
// keep-alive on each, hands requests to the admin or Okta API, and plays out
// queued faults on the wire.
#include "sandbox_state.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace okta_sandbox {

struct server_settings {
  std::chrono::seconds idle_timeout{30};          // a silent client loses its connection
  std::size_t body_limit = 1024 * 1024;           // larger request bodies: 413, connection kept
  std::size_t body_hard_limit = 32 * 1024 * 1024; // larger still: 413 and the connection closed
  std::uint32_t header_limit = 16 * 1024;         // larger request heads: 431
  bool log_requests = true;                       // one line per request on stderr
  std::string fallback_origin;                    // for _links when a request has no usable Host
};

class https_server {
 public:
  https_server(boost::asio::io_context& io, boost::asio::ssl::context& tls, sandbox_state& state,
               server_settings settings, unsigned short port);
  ~https_server();
  https_server(const https_server&) = delete;
  https_server& operator=(const https_server&) = delete;

  unsigned short port() const;
  void start();
  // Stops accepting; open connections end when the io_context stops.
  void stop();

 private:
  class listener;
  std::shared_ptr<listener> listener_;
};

}  // namespace okta_sandbox
