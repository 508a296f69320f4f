#pragma once
// Authenticates a service app by its private_key_jwt client assertion
// (RFC 7523 section 3), with one error_description per failed check.
#include "oauth_apps.hpp"
#include "replay_guard.hpp"

#include <string>
#include <string_view>
#include <variant>

namespace okta_sandbox {

struct assertion_refusal {
  std::string description;  // Okta's error_description; never quotes the assertion
};

// The app the assertion authenticates, or why it does not. `token_url` is the
// exact audience required. The jti is spent only when every other check passed.
std::variant<service_app, assertion_refusal> authenticate_client(const oauth_apps& apps, std::string_view assertion,
                                                                 std::string_view token_url, replay_guard& spent,
                                                                 wall_clock::time_point now);

}  // namespace okta_sandbox
