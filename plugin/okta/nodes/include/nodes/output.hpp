// Turns a client result into the node output envelope (NODES.md, "Outputs").
#pragma once

#include "okta/protocol/call_result.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <string>
#include <string_view>

namespace okta_plugin::nodes {

// StatusCode, ErrorMessage (empty), ErrorCode (empty), RequestId and
// Retryable (false) of a successful answer.
boost::json::object envelope(const okta::answer& done);

// StatusCode, ErrorMessage, ErrorCode, RequestId and Retryable of a
// failure, and RateLimitReset (ISO-8601 UTC) when Okta sent one with a 429.
boost::json::object envelope(const okta::call_failure& failure);

// The envelope of `result`, with its user object as `User` on success.
boost::json::object user_output(okta::call_result result);

// The envelope of `result`, with its body as `member` on success.
boost::json::object body_output(std::string_view member, okta::call_result result);

// `envelope` as JSON text, with `member` added last holding `json`, a JSON
// text already checked (the client checks Okta's, see user_page_scan.hpp).
std::string with_member_text(const boost::json::object& envelope, std::string_view member, std::string_view json);

// The groups whose type is `type`, or all of them when `type` is empty.
boost::json::array groups_of_type(boost::json::array groups, std::string_view type);

// One page of a listing: its array as `member`, and NextCursor.
boost::json::object page_of(std::string_view member, okta::call_result page);

}  // namespace okta_plugin::nodes
