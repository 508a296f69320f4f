#include "okta_sandbox/https_client.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <boost/json/parse.hpp>
#include <boost/url/parse.hpp>

#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include <cctype>
#include <optional>
#include <stdexcept>

namespace okta_sandbox {
namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;
namespace {

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  }
  return true;
}

// Pins what the server certificate must name: an IP address SAN for IPs, a DNS
// name (and SNI) otherwise.
void expect_peer(SSL* ssl, const std::string& host) {
  boost::system::error_code not_ip;
  net::ip::make_address(host, not_ip);
  if (!not_ip) {
    if (X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), host.c_str()) != 1) {
      throw std::runtime_error("cannot pin the server IP " + host);
    }
    return;
  }
  if (SSL_set1_host(ssl, host.c_str()) != 1 ||
      SSL_ctrl(ssl, SSL_CTRL_SET_TLSEXT_HOSTNAME, TLSEXT_NAMETYPE_host_name, const_cast<char*>(host.c_str())) != 1) {
    throw std::runtime_error("cannot pin the server name " + host);
  }
}

struct exchange_state {
  std::string phase = "resolve";
  http_reply reply;
};

net::awaitable<void> exchange(net::ssl::context& tls, const std::string& host, unsigned short port,
                              http::request<http::string_body>& request, std::chrono::milliseconds timeout,
                              exchange_state& state) {
  auto executor = co_await net::this_coro::executor;
  tcp::resolver resolver(executor);
  const auto endpoints = co_await resolver.async_resolve(host, std::to_string(port), net::use_awaitable);

  beast::ssl_stream<beast::tcp_stream> stream(executor, tls);
  expect_peer(stream.native_handle(), host);
  // One deadline for the whole exchange: connect, handshake, write and read.
  beast::get_lowest_layer(stream).expires_after(timeout);
  state.phase = "connect";
  co_await beast::get_lowest_layer(stream).async_connect(endpoints, net::use_awaitable);
  state.phase = "TLS handshake";
  co_await stream.async_handshake(net::ssl::stream_base::client, net::use_awaitable);
  state.phase = "send request";
  co_await http::async_write(stream, request, net::use_awaitable);
  state.phase = "read response";
  beast::flat_buffer buffer;
  std::optional<http::response_parser<http::string_body>> parser;
  // Interim (1xx) answers are noted and skipped, as HTTP clients must.
  while (true) {
    parser.emplace();
    parser->body_limit(512ULL * 1024 * 1024);
    co_await http::async_read(stream, buffer, *parser, net::use_awaitable);
    const unsigned status = parser->get().result_int();
    if (status < 100 || status >= 200) break;
    state.reply.interim_statuses.push_back(status);
  }
  const auto& response = parser->get();
  state.reply.status = response.result_int();
  state.reply.version = response.version();
  for (const auto& field : response) state.reply.headers.emplace_back(field.name_string(), field.value());
  state.reply.body = response.body();
  state.phase = "close";
  // The answer is complete; a server that skips close_notify is not our problem here.
  beast::get_lowest_layer(stream).expires_after(std::chrono::seconds(2));
  auto [ignored] = co_await stream.async_shutdown(net::as_tuple(net::use_awaitable));
  (void)ignored;
}

}  // namespace

std::string http_reply::header(std::string_view name) const {
  for (const auto& [field, value] : headers) {
    if (iequals(field, name)) return value;
  }
  return {};
}

std::vector<std::string> http_reply::headers_named(std::string_view name) const {
  std::vector<std::string> values;
  for (const auto& [field, value] : headers) {
    if (iequals(field, name)) values.push_back(value);
  }
  return values;
}

boost::json::value http_reply::json() const {
  boost::system::error_code ec;
  auto value = boost::json::parse(body, ec);
  if (ec) throw std::runtime_error("the answer (HTTP " + std::to_string(status) + ") is not JSON: " + body.substr(0, 200));
  return value;
}

https_client::https_client(std::string_view base_url, std::filesystem::path ca_file, std::chrono::milliseconds timeout)
    : ca_file_(std::move(ca_file)), timeout_(timeout) {
  const auto url = boost::urls::parse_absolute_uri(base_url);
  if (!url || url->scheme() != "https" || !url->has_port() || url->host().empty()) {
    throw std::runtime_error("not an https://host:port URL: " + std::string(base_url));
  }
  host_ = url->host_address();
  port_ = url->port_number();
}

http_reply https_client::request(http::verb method, std::string_view target, std::string_view body,
                                 const header_list& headers) const {
  net::ssl::context tls(net::ssl::context::tls_client);
  tls.load_verify_file(ca_file_.string());
  tls.set_verify_mode(net::ssl::verify_peer);

  http::request<http::string_body> request{method, target, 11};
  request.set(http::field::host, host_ + ":" + std::to_string(port_));
  request.set(http::field::user_agent, "okta-sandbox-test-client");
  for (const auto& [name, value] : headers) request.set(name, value);
  if (!body.empty()) {
    request.body() = std::string(body);
    if (request[http::field::content_type].empty()) request.set(http::field::content_type, "application/json");
  }
  request.keep_alive(false);
  request.prepare_payload();

  net::io_context io;
  exchange_state state;
  std::exception_ptr failure;
  net::co_spawn(io, exchange(tls, host_, port_, request, timeout_, state),
                [&failure](std::exception_ptr e) { failure = e; });
  io.run();
  if (failure) {
    std::string reason;
    try {
      std::rethrow_exception(failure);
    } catch (const boost::system::system_error& e) {
      reason = e.code() == beast::error::timeout ? "timed out after " + std::to_string(timeout_.count()) + " ms"
                                                 : e.code().message();
    } catch (const std::exception& e) {
      reason = e.what();
    }
    throw std::runtime_error(std::string(http::to_string(method)) + " https://" + host_ + ":" + std::to_string(port_) +
                             std::string(target) + " failed during " + state.phase + ": " + reason);
  }
  return state.reply;
}

}  // namespace okta_sandbox
