#pragma once
// Everything one running sandbox shares between its connections.
#include "api_stats.hpp"
#include "connection_stats.hpp"
#include "fault_queue.hpp"
#include "group_store.hpp"
#include "oauth_state.hpp"
#include "rate_limiter.hpp"
#include "request_log.hpp"
#include "response_recorder.hpp"
#include "user_store.hpp"

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace okta_sandbox {

struct api_tokens {
  std::vector<std::string> full_access;
  std::vector<std::string> read_only;  // may read, gets 403 E0000006 on writes
};

enum class token_access { none, read_only, full };

struct sandbox_state {
  sandbox_state(rate_limits limits, std::size_t request_log_capacity, api_tokens tokens,
                std::unique_ptr<response_recorder> recorder);

  // From the Authorization header: "SSWS <token>".
  token_access access_for(std::string_view authorization) const;

  // Users and groups back to the start: no groups but Everyone, no users but the admin.
  void reset_directory();

  // The id the path segment "me" stands for: the API token's own admin user.
  const std::string& admin_user_id() const { return admin_user_id_; }

  // Okta's concurrent-request limit: a slot for each Okta API request in flight.
  // try_enter fails when the limit is reached; leave gives the slot back.
  bool try_enter();
  void leave();

  user_store users;
  group_store groups;
  rate_limiter limiter;
  request_log log;
  fault_queue faults;
  connection_stats connections;
  api_stats api;  // Okta API requests, 429s and the peak in flight
  oauth_state oauth;  // service apps, issued access tokens, DPoP nonce
  const api_tokens tokens;
  const std::unique_ptr<response_recorder> recorder;  // null unless --record-responses
  const std::string default_type_id;                  // the org's default user type ("oty...")
  std::atomic<std::uint32_t> concurrent_limit{75};
  std::atomic<std::uint32_t> user_groups_page_size{10'000};  // GET /api/v1/users/{id}/groups pages at this size

 private:
  void add_admin_user();
  const std::string admin_user_id_;
  std::atomic<std::uint32_t> in_flight_{0};
};

}  // namespace okta_sandbox
