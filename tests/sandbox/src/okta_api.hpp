#pragma once
// The Okta Users API: routes a request, applies rate limits and token checks,
// runs the handler, and dresses the answer with Okta's headers.
#include "http_types.hpp"
#include "sandbox_state.hpp"

#include <string>
#include <string_view>

namespace okta_sandbox {

// `record` false keeps the answer out of --record-responses (used when a fault
// mangles it on the wire, so the file only holds what clients really received whole).
http_response answer_okta_request(sandbox_state& state, const http_request& request, std::string_view origin,
                                  bool record = true);

// Okta's answer to a request over the concurrent-request limit: 429 E0000047
// with X-Rate-Limit-Limit and -Remaining 0, and a reset one second away.
http_response answer_over_concurrency_limit(sandbox_state& state, const http_request& request);

// The headers every Okta answer carries: X-Okta-Request-Id, Date, cache control.
void add_okta_headers(http_response& response);

// The rate-limit class of a request, found from its target and method.
endpoint_class endpoint_class_of(const http_request& request);

// "https://" + the Host header when it is a valid authority, else the fallback.
std::string request_origin(const http_request& request, std::string_view fallback);

}  // namespace okta_sandbox
