#include "oauth_state.hpp"

#include <stdexcept>

namespace okta_sandbox {
namespace {

constexpr std::int64_t longest_lifetime_seconds = 7 * 86400;

std::chrono::seconds lifetime_member(const boost::json::value& value, std::string_view name) {
  const auto* n = value.if_int64();
  if (n == nullptr || *n < 1 || *n > longest_lifetime_seconds) {
    throw std::invalid_argument("\"" + std::string(name) + "\" must be a whole number of seconds from 1 to 604800");
  }
  return std::chrono::seconds(*n);
}

}  // namespace

oauth_settings oauth_state::settings() const {
  std::lock_guard lock(mutex_);
  return settings_;
}

boost::json::object oauth_state::configure(const boost::json::object& changes) {
  {
    std::lock_guard lock(mutex_);
    oauth_settings next = settings_;
    for (const auto& [name, value] : changes) {
      if (name == "tokenLifetimeSeconds") next.token_lifetime = lifetime_member(value, name);
      else if (name == "nonceLifetimeSeconds") next.nonce_lifetime = lifetime_member(value, name);
      else if (name == "insufficientScopeBody") {
        if (!value.is_string() || (value.get_string() != "error" && value.get_string() != "empty")) {
          throw std::invalid_argument("\"insufficientScopeBody\" must be \"error\" or \"empty\"");
        }
        next.insufficient_scope_empty_body = value.get_string() == "empty";
      } else {
        throw std::invalid_argument("unknown setting \"" + std::string(name) +
                                    "\" (tokenLifetimeSeconds, nonceLifetimeSeconds, insufficientScopeBody)");
      }
    }
    settings_ = next;
  }
  return settings_json();
}

boost::json::object oauth_state::settings_json() const {
  const oauth_settings current = settings();
  return {{"tokenLifetimeSeconds", current.token_lifetime.count()},
          {"nonceLifetimeSeconds", current.nonce_lifetime.count()},
          {"insufficientScopeBody", current.insufficient_scope_empty_body ? "empty" : "error"}};
}

void oauth_state::reset() {
  apps.clear();
  tokens.expire_all();
  nonces.rotate(wall_clock::now());
  assertion_ids.clear();
  proof_ids.clear();
  std::lock_guard lock(mutex_);
  settings_ = {};
}

}  // namespace okta_sandbox
