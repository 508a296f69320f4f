#pragma once
// Everything one running sandbox shares between its connections.
#include "connection_stats.hpp"
#include "fault_queue.hpp"
#include "rate_limiter.hpp"
#include "request_log.hpp"
#include "response_recorder.hpp"
#include "user_store.hpp"

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

  user_store users;
  rate_limiter limiter;
  request_log log;
  fault_queue faults;
  connection_stats connections;
  const api_tokens tokens;
  const std::unique_ptr<response_recorder> recorder;  // null unless --record-responses
  const std::string default_type_id;                  // the org's default user type ("oty...")
};

}  // namespace okta_sandbox
