#pragma once
// Every Okta API request the sandbox received, exactly as received, for tests
// to assert on what a client really sent.
#include <boost/json/array.hpp>

#include <cstddef>
#include <deque>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace okta_sandbox {

struct logged_request {
  std::string method;
  std::string target;  // raw path and query, not decoded
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased, in arrival order
  std::string body;
};

class request_log {
 public:
  // Keeps the newest `capacity` requests, so a long benchmark cannot exhaust memory.
  explicit request_log(std::size_t capacity);

  void append(logged_request request);
  void clear();

  // [{"method","target","headers":{name: value},"body"}]; repeated header names
  // are joined with ", ".
  boost::json::array to_json() const;

 private:
  mutable std::mutex mutex_;
  std::size_t capacity_;
  std::deque<logged_request> requests_;
};

}  // namespace okta_sandbox
