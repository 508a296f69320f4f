#pragma once
// The test-control API under /__sandbox/, apart from Okta's: never rate limited,
// never logged. Answers JSON; errors are {"error": "..."}.
//
//   POST   /__sandbox/reset      users, request log, faults and rate buckets cleared
//   POST   /__sandbox/seed       {"count","prefix","status","start","profile"} -> {"created"}
//   GET    /__sandbox/requests   {"requests":[{"method","target","headers","body"}]}
//   DELETE /__sandbox/requests
//   GET    /__sandbox/faults     {"faults":[...pending...]}
//   POST   /__sandbox/faults     {"count","kind",...settings}
//   DELETE /__sandbox/faults
//   GET    /__sandbox/config     {"usersCollection","userGet","userWrite","windowSeconds"}
//   POST   /__sandbox/config     any of those members
//   GET    /__sandbox/users      {"users":[...every stored user...]}
#include "http_types.hpp"
#include "sandbox_state.hpp"

#include <string_view>

namespace okta_sandbox {

constexpr std::string_view admin_path_prefix = "/__sandbox/";

http_response answer_admin_request(sandbox_state& state, const http_request& request, std::string_view origin);

}  // namespace okta_sandbox
