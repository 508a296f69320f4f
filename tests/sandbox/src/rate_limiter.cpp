#include "rate_limiter.hpp"

namespace okta_sandbox {

rate_limiter::rate_limiter(rate_limits limits) : limits_(limits) {}

rate_decision rate_limiter::take(endpoint_class endpoint, wall_clock::time_point now) {
  std::lock_guard lock(mutex_);
  bucket& b = buckets_.at(static_cast<std::size_t>(endpoint));
  if (now >= b.window_end) {
    b.used = 0;
    // Windows end on a whole second, as X-Rate-Limit-Reset is in whole seconds.
    const auto end = now + limits_.window;
    b.window_end = std::chrono::ceil<std::chrono::seconds>(end);
  }
  rate_decision decision;
  decision.limit = limit_for(limits_, endpoint);
  decision.reset_epoch_seconds = epoch_seconds(b.window_end);
  if (b.used >= decision.limit) {
    decision.allowed = false;
    decision.remaining = 0;
    return decision;
  }
  ++b.used;
  decision.remaining = decision.limit - b.used;
  return decision;
}

void rate_limiter::configure(const rate_limits& limits) {
  std::lock_guard lock(mutex_);
  limits_ = limits;
  buckets_ = {};
}

rate_limits rate_limiter::limits() const {
  std::lock_guard lock(mutex_);
  return limits_;
}

void rate_limiter::reset() {
  std::lock_guard lock(mutex_);
  buckets_ = {};
}

std::uint32_t limit_for(const rate_limits& limits, endpoint_class endpoint) {
  switch (endpoint) {
    case endpoint_class::user_get: return limits.user_get;
    case endpoint_class::user_write: return limits.user_write;
    case endpoint_class::groups_collection: return limits.groups_collection;
    case endpoint_class::group_get: return limits.group_get;
    case endpoint_class::group_write: return limits.group_write;
    case endpoint_class::users_collection:
    case endpoint_class::other: return limits.users_collection;
  }
  return limits.users_collection;
}

}  // namespace okta_sandbox
