#pragma once
// How many client connections the sandbox has seen: the evidence a test needs
// that a client's connection pool stays bounded under load.
#include <boost/json/object.hpp>

#include <atomic>
#include <cstdint>

namespace okta_sandbox {

class connection_stats {
 public:
  void opened() {
    ++accepted_;
    const std::int64_t now_open = ++open_;
    std::int64_t peak = peak_open_.load();
    while (now_open > peak && !peak_open_.compare_exchange_weak(peak, now_open)) {
    }
  }
  void closed() { --open_; }
  // The peak restarts from the connections open now; the accepted count from 0.
  void restart() {
    accepted_ = 0;
    peak_open_ = open_.load();
  }
  boost::json::object to_json() const {
    return {{"acceptedConnections", accepted_.load()},
            {"openConnections", open_.load()},
            {"peakOpenConnections", peak_open_.load()}};
  }

 private:
  std::atomic<std::int64_t> accepted_{0};
  std::atomic<std::int64_t> open_{0};
  std::atomic<std::int64_t> peak_open_{0};
};

}  // namespace okta_sandbox
