#pragma once
// The token endpoint's DPoP nonce (RFC 9449 section 8): one current value,
// replaced when its lifetime ends or a test rotates it; an old one is refused.
#include "clock.hpp"

#include <chrono>
#include <mutex>
#include <string>

namespace okta_sandbox {

class dpop_nonces {
 public:
  // The nonce to hand out now (a new one when the last has lived `lifetime`).
  std::string current(wall_clock::time_point now, std::chrono::seconds lifetime);
  bool is_current(const std::string& nonce, wall_clock::time_point now, std::chrono::seconds lifetime);
  // Replaces the nonce at once; returns the new one.
  std::string rotate(wall_clock::time_point now);

 private:
  std::string refresh(wall_clock::time_point now, std::chrono::seconds lifetime);  // mutex held
  std::mutex mutex_;
  std::string nonce_;
  wall_clock::time_point issued_{};
};

}  // namespace okta_sandbox
