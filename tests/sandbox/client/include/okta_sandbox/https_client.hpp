#pragma once
// A small HTTPS client for tests: one verified TLS connection per request,
// trusting only the given CA, with a bound on the whole exchange.
#include <boost/beast/http/verb.hpp>
#include <boost/json/value.hpp>

#include <chrono>
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace okta_sandbox {

using header_list = std::vector<std::pair<std::string, std::string>>;

struct http_reply {
  unsigned status = 0;                       // the final answer's
  unsigned version = 11;                     // 11 for HTTP/1.1, 10 for HTTP/1.0
  std::vector<unsigned> interim_statuses;    // 1xx answers that came first, skipped
  header_list headers;  // in arrival order, names as sent
  std::string body;

  // The first field with this name (ignoring case), or "" when there is none.
  std::string header(std::string_view name) const;
  // Every field with this name, in order (e.g. the separate Link fields).
  std::vector<std::string> headers_named(std::string_view name) const;
  // The body parsed as JSON; throws std::runtime_error when it is not JSON.
  boost::json::value json() const;
};

class https_client {
 public:
  // `base_url` is "https://<ip or name>:<port>"; the server certificate must be
  // signed by `ca_file` and name that host.
  https_client(std::string_view base_url, std::filesystem::path ca_file,
               std::chrono::milliseconds timeout = std::chrono::seconds(30));

  // Sends one request and reads the answer. Throws std::runtime_error (saying
  // what failed: connect, TLS, write, read, timeout) on any failure to exchange.
  http_reply request(boost::beast::http::verb method, std::string_view target, std::string_view body = {},
                     const header_list& headers = {}) const;

  const std::string& host() const { return host_; }
  unsigned short port() const { return port_; }

 private:
  std::string host_;
  unsigned short port_ = 0;
  std::filesystem::path ca_file_;
  std::chrono::milliseconds timeout_;
};

}  // namespace okta_sandbox
