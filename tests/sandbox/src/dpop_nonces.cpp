#include "dpop_nonces.hpp"

#include "identifiers.hpp"

namespace okta_sandbox {

constexpr std::size_t nonce_length = 32;

std::string dpop_nonces::refresh(wall_clock::time_point now, std::chrono::seconds lifetime) {
  if (nonce_.empty() || now - issued_ >= lifetime) {
    nonce_ = random_alphanumeric(nonce_length);
    issued_ = now;
  }
  return nonce_;
}

std::string dpop_nonces::current(wall_clock::time_point now, std::chrono::seconds lifetime) {
  std::lock_guard lock(mutex_);
  return refresh(now, lifetime);
}

bool dpop_nonces::is_current(const std::string& nonce, wall_clock::time_point now, std::chrono::seconds lifetime) {
  std::lock_guard lock(mutex_);
  return !nonce.empty() && nonce == refresh(now, lifetime);
}

std::string dpop_nonces::rotate(wall_clock::time_point now) {
  std::lock_guard lock(mutex_);
  nonce_.clear();
  return refresh(now, std::chrono::seconds(0));
}

}  // namespace okta_sandbox
