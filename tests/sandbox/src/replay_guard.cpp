#include "replay_guard.hpp"

namespace okta_sandbox {

bool replay_guard::first_use(const std::string& id, wall_clock::time_point forget_after, wall_clock::time_point now) {
  std::lock_guard lock(mutex_);
  for (auto it = seen_.begin(); it != seen_.end();) it = it->second < now ? seen_.erase(it) : std::next(it);
  return seen_.emplace(id, forget_after).second;
}

void replay_guard::clear() {
  std::lock_guard lock(mutex_);
  seen_.clear();
}

}  // namespace okta_sandbox
