#include "access_tokens.hpp"

#include "identifiers.hpp"

namespace okta_sandbox {

constexpr std::size_t token_length = 64;

std::string access_tokens::issue(access_grant grant) {
  std::string token = random_alphanumeric(token_length);
  std::lock_guard lock(mutex_);
  // Dropping the expired ones here keeps a long run's table small.
  const auto now = wall_clock::now();
  for (auto it = grants_.begin(); it != grants_.end();) it = it->second.expires <= now ? grants_.erase(it) : std::next(it);
  grants_.emplace(token, std::move(grant));
  return token;
}

std::optional<access_grant> access_tokens::find(const std::string& token, wall_clock::time_point now) const {
  std::lock_guard lock(mutex_);
  const auto found = grants_.find(token);
  if (found == grants_.end() || found->second.expires <= now) return std::nullopt;
  return found->second;
}

void access_tokens::expire_all() {
  std::lock_guard lock(mutex_);
  grants_.clear();
}

}  // namespace okta_sandbox
