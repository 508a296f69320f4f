#pragma once
// The test-control API under /__sandbox/, apart from Okta's: never rate limited,
// never logged. Answers JSON; errors are {"error": "..."}.
//
//   POST   /__sandbox/reset      users and groups (Everyone and the admin user stay), request log,
//                                faults, rate buckets and OAuth state cleared
//   POST   /__sandbox/seed       {"count","prefix","status","start","profile"} -> {"created"}
//   GET    /__sandbox/requests   {"requests":[{"method","target","headers","body"}]}
//   DELETE /__sandbox/requests
//   GET    /__sandbox/faults     {"faults":[...pending...]}
//   POST   /__sandbox/faults     {"count","kind",...settings}
//   DELETE /__sandbox/faults
//   GET    /__sandbox/config     {"usersCollection","userGet","userWrite","groupsCollection","groupGet",
//                                 "groupWrite","windowSeconds","concurrentRequests","userGroupsPageSize"}
//   POST   /__sandbox/config     any of those members
//   GET    /__sandbox/users      {"users":[...every stored user but the admin...]}
//   POST   /__sandbox/users/{idOrLogin}/status   {"status"} -> the user
//   GET    /__sandbox/groups     {"groups":[...every group, with "memberIds"...]}
//   POST   /__sandbox/groups     {"name","description","type"} -> the group
//   POST   /__sandbox/groups/seed               {"count","prefix"} -> {"created"}
//   PUT    /__sandbox/groups/{gid}/users/{uid}  any user into any group -> {"added": true}
//          /__sandbox/oauth/...  the OAuth controls (oauth_admin.hpp)
#include "http_types.hpp"
#include "sandbox_state.hpp"

#include <string_view>

namespace okta_sandbox {

constexpr std::string_view admin_path_prefix = "/__sandbox/";

http_response answer_admin_request(sandbox_state& state, const http_request& request, std::string_view origin);

}  // namespace okta_sandbox
