#pragma once
// What the Okta API side of the sandbox has seen since the last reset: how
// many requests, how many it refused with 429 (rate or concurrency), and the
// most it held in flight at once. The evidence a test needs that workers
// sharing one budget stay within the org's limits.
#include <boost/json/object.hpp>

#include <atomic>
#include <cstdint>

namespace okta_sandbox {

class api_stats {
 public:
  void answered(bool rate_limited) {
    ++requests_;
    if (rate_limited) ++rate_limited_;
  }
  void entered(std::int64_t now_in_flight) {
    std::int64_t peak = peak_in_flight_.load();
    while (now_in_flight > peak && !peak_in_flight_.compare_exchange_weak(peak, now_in_flight)) {
    }
  }
  void restart() {
    requests_ = 0;
    rate_limited_ = 0;
    peak_in_flight_ = 0;
  }
  void add_to(boost::json::object& stats) const {
    stats["apiRequests"] = requests_.load();
    stats["rateLimited"] = rate_limited_.load();
    stats["peakInFlight"] = peak_in_flight_.load();
  }

 private:
  std::atomic<std::int64_t> requests_{0};
  std::atomic<std::int64_t> rate_limited_{0};
  std::atomic<std::int64_t> peak_in_flight_{0};
};

}  // namespace okta_sandbox
