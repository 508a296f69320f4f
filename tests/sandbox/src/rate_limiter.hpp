#pragma once
// Okta's per-endpoint rate-limit buckets. Each class of endpoint has its own
// count per fixed window; the window starts at its first request.
#include "clock.hpp"

#include <array>
#include <chrono>
#include <cstdint>
#include <mutex>

namespace okta_sandbox {

enum class endpoint_class {
  users_collection,  // GET and POST /api/v1/users
  user_get,          // GET /api/v1/users/{id}
  user_write,        // POST, PUT, DELETE /api/v1/users/{id} and its lifecycle operations
  groups_collection,  // GET /api/v1/groups
  group_get,          // GET /api/v1/groups/{id} and /api/v1/groups/{id}/users
  group_write,        // PUT and DELETE /api/v1/groups/{id}/users/{userId}
  other,              // everything else (unknown paths); sized like users_collection
};

struct rate_limits {
  std::uint32_t users_collection = 600;
  std::uint32_t user_get = 2000;
  std::uint32_t user_write = 600;
  std::uint32_t groups_collection = 500;
  std::uint32_t group_get = 1000;
  std::uint32_t group_write = 500;
  std::chrono::seconds window{60};
};

// The bucket size of a class of endpoint.
std::uint32_t limit_for(const rate_limits& limits, endpoint_class endpoint);

struct rate_decision {
  bool allowed = true;
  std::uint32_t limit = 0;
  std::uint32_t remaining = 0;
  std::int64_t reset_epoch_seconds = 0;  // the value of X-Rate-Limit-Reset
};

class rate_limiter {
 public:
  explicit rate_limiter(rate_limits limits = {});

  // Counts one request against the class's bucket, unless it is empty.
  rate_decision take(endpoint_class endpoint, wall_clock::time_point now);

  // New sizes apply at once and every bucket starts a fresh window.
  void configure(const rate_limits& limits);
  rate_limits limits() const;
  void reset();

 private:
  struct bucket {
    std::uint32_t used = 0;
    wall_clock::time_point window_end{};
  };

  mutable std::mutex mutex_;
  rate_limits limits_;
  std::array<bucket, 7> buckets_{};
};

}  // namespace okta_sandbox
