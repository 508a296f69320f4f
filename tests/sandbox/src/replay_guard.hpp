#pragma once
// Remembers single-use identifiers (assertion and proof "jti"s) until they
// could no longer be accepted anyway, so a replay is caught and memory stays bounded.
#include "clock.hpp"

#include <map>
#include <mutex>
#include <string>

namespace okta_sandbox {

class replay_guard {
 public:
  // True the first time `id` is seen (it is then remembered until `forget_after`);
  // false for a replay.
  bool first_use(const std::string& id, wall_clock::time_point forget_after, wall_clock::time_point now);
  void clear();

 private:
  std::mutex mutex_;
  std::map<std::string, wall_clock::time_point> seen_;
};

}  // namespace okta_sandbox
