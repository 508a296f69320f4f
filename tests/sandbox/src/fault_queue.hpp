#pragma once
// Faults a test queues for the next N Okta API requests (or token requests):
// slow answers, server errors, broken connections, broken bodies, rate limiting, redirects.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace okta_sandbox {

enum class fault_kind {
  delay,                  // wait delayMs, then answer normally
  status,                 // any status 100-599: Okta's error JSON from 400 up, or an HTML page with "html": true
  close_before_response,  // read the request, close the connection without a word
  close_mid_body,         // send the head and part of a chunked body, then drop the connection
  truncated_body,         // Content-Length promises more than is sent, then close
  malformed_json,         // 200 whose body is not JSON
  rate_limit,             // 429 E0000047, X-Rate-Limit-Reset = now + resetSeconds
  unexpected_shape,       // 200 with valid JSON of the wrong shape
  oversized,              // 200 with a body larger than sizeBytes, streamed
  redirect,               // 302 to `location`
  foreign_link,           // the normal answer, its Link rel="next" pointing at `location` (another origin)
  link_cycle,             // a listing whose later pages link "next" back to the first page
  interim_100,            // "HTTP/1.1 100 Continue", then the normal answer
  wrong_2xx,              // 200 with the body [], the request not carried out
  close_delimited,        // the request carried out; an HTTP/1.0 answer with no length, ended by closing
};

// Which requests a fault waits for: the Okta API (/api/v1/...) or the token endpoint.
enum class fault_endpoint { api, token };

struct fault {
  fault_kind kind = fault_kind::status;
  fault_endpoint endpoint = fault_endpoint::api;
  std::uint32_t delay_ms = 0;
  unsigned status = 500;
  bool html = false;
  std::uint32_t reset_seconds = 1;
  bool omit_reset_header = false;
  std::uint64_t size_bytes = 70ULL * 1024 * 1024;
  bool chunked = false;
  std::string location = "https://example.invalid/api/v1/users";
  std::optional<boost::json::value> body;  // unexpected_shape: the JSON to send
};

std::string_view to_string(fault_kind kind);

// Reads {"kind": ..., <settings>} (the "count" member is read by the caller).
// Throws std::invalid_argument naming the bad member.
fault parse_fault(const boost::json::object& description);

boost::json::object fault_json(const fault& f);

class fault_queue {
 public:
  // The next `count` requests get `f`; with `every` = N > 1, one request in
  // N does (the N-th, 2N-th, ...), so the faults spread over a longer run.
  void push(fault f, std::uint32_t count, std::uint32_t every = 1);
  // The fault for the next request to `endpoint`, if one is queued for it.
  // Faults for one endpoint apply in the order queued; the others wait.
  std::optional<fault> take(fault_endpoint endpoint = fault_endpoint::api);
  void clear();
  boost::json::array pending() const;

 private:
  struct entry {
    fault f;
    std::uint32_t remaining;
    std::uint32_t every;
    std::uint32_t passed = 0;  // requests let through since this entry's last fault
  };
  mutable std::mutex mutex_;
  std::deque<entry> entries_;
};

}  // namespace okta_sandbox
